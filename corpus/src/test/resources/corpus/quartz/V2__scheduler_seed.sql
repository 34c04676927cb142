-- The two row locks the clustered scheduler takes with SELECT ... FOR UPDATE.
INSERT INTO sched_locks (sched_name, lock_name) VALUES ('ClusteredScheduler', 'TRIGGER_ACCESS');
INSERT INTO sched_locks (sched_name, lock_name) VALUES ('ClusteredScheduler', 'STATE_ACCESS');

INSERT INTO sched_job_details (sched_name, job_name, job_group, description, job_class_name, is_durable,
    is_nonconcurrent, is_update_data, requests_recovery, job_data)
VALUES ('ClusteredScheduler', 'nightlyReport', 'reports', 'Builds the nightly report; mails it', 'com.example.jobs.NightlyReport',
    true, true, false, true, '\xaced0005'::bytea);

INSERT INTO sched_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,
    priority, trigger_state, trigger_type, start_time, misfire_instr)
VALUES ('ClusteredScheduler', 'nightlyReportTrigger', 'reports', 'nightlyReport', 'reports', 1767225600000,
    5, 'WAITING', 'CRON', 1767139200000, 0);

INSERT INTO sched_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression, time_zone_id)
VALUES ('ClusteredScheduler', 'nightlyReportTrigger', 'reports', '0 0 2 * * ?', 'Europe/Berlin');
