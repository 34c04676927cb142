-- Job store tables for the scheduler.
-- Run this once per database; the scheduler does not create them itself;
-- it only checks that they exist.
--
-- Note: table names carry a prefix (here "sched_") that the scheduler's
-- configuration must name too; see the "table prefix" setting.

DROP TABLE IF EXISTS sched_fired_triggers;
DROP TABLE IF EXISTS sched_paused_trigger_grps;
DROP TABLE IF EXISTS sched_scheduler_state;
DROP TABLE IF EXISTS sched_locks;
DROP TABLE IF EXISTS sched_simple_triggers;
DROP TABLE IF EXISTS sched_cron_triggers;
DROP TABLE IF EXISTS sched_simprop_triggers;
DROP TABLE IF EXISTS sched_blob_triggers;
DROP TABLE IF EXISTS sched_triggers;
DROP TABLE IF EXISTS sched_job_details;
DROP TABLE IF EXISTS sched_calendars;

CREATE TABLE sched_job_details
  (
    sched_name        VARCHAR(120) NOT NULL,
    job_name          VARCHAR(200) NOT NULL,
    job_group         VARCHAR(200) NOT NULL,
    description       VARCHAR(250) NULL,
    job_class_name    VARCHAR(250) NOT NULL,
    is_durable        BOOL NOT NULL,
    is_nonconcurrent  BOOL NOT NULL,
    is_update_data    BOOL NOT NULL,
    requests_recovery BOOL NOT NULL,
    job_data          BYTEA NULL,
    PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE sched_triggers
  (
    sched_name     VARCHAR(120) NOT NULL,
    trigger_name   VARCHAR(200) NOT NULL,
    trigger_group  VARCHAR(200) NOT NULL,
    job_name       VARCHAR(200) NOT NULL,
    job_group      VARCHAR(200) NOT NULL,
    description    VARCHAR(250) NULL,
    next_fire_time BIGINT NULL,
    prev_fire_time BIGINT NULL,
    priority       INTEGER NULL,
    trigger_state  VARCHAR(16) NOT NULL,
    trigger_type   VARCHAR(8) NOT NULL,
    start_time     BIGINT NOT NULL,
    end_time       BIGINT NULL,
    calendar_name  VARCHAR(200) NULL,
    misfire_instr  SMALLINT NULL,
    job_data       BYTEA NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group)
        REFERENCES sched_job_details (sched_name, job_name, job_group)
);

CREATE TABLE sched_simple_triggers
  (
    sched_name      VARCHAR(120) NOT NULL,
    trigger_name    VARCHAR(200) NOT NULL,
    trigger_group   VARCHAR(200) NOT NULL,
    repeat_count    BIGINT NOT NULL,
    repeat_interval BIGINT NOT NULL,
    times_triggered BIGINT NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES sched_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE sched_cron_triggers
  (
    sched_name      VARCHAR(120) NOT NULL,
    trigger_name    VARCHAR(200) NOT NULL,
    trigger_group   VARCHAR(200) NOT NULL,
    cron_expression VARCHAR(120) NOT NULL,
    time_zone_id    VARCHAR(80),
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES sched_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE sched_simprop_triggers
  (
    sched_name    VARCHAR(120) NOT NULL,
    trigger_name  VARCHAR(200) NOT NULL,
    trigger_group VARCHAR(200) NOT NULL,
    str_prop_1    VARCHAR(512) NULL,
    str_prop_2    VARCHAR(512) NULL,
    str_prop_3    VARCHAR(512) NULL,
    int_prop_1    INT NULL,
    int_prop_2    INT NULL,
    long_prop_1   BIGINT NULL,
    long_prop_2   BIGINT NULL,
    dec_prop_1    NUMERIC(13,4) NULL,
    dec_prop_2    NUMERIC(13,4) NULL,
    bool_prop_1   BOOL NULL,
    bool_prop_2   BOOL NULL,
    time_zone_id  VARCHAR(80) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES sched_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE sched_blob_triggers
  (
    sched_name    VARCHAR(120) NOT NULL,
    trigger_name  VARCHAR(200) NOT NULL,
    trigger_group VARCHAR(200) NOT NULL,
    blob_data     BYTEA NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES sched_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE sched_calendars
  (
    sched_name    VARCHAR(120) NOT NULL,
    calendar_name VARCHAR(200) NOT NULL,
    calendar      BYTEA NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE sched_paused_trigger_grps
  (
    sched_name    VARCHAR(120) NOT NULL,
    trigger_group VARCHAR(200) NOT NULL,
    PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE sched_fired_triggers
  (
    sched_name        VARCHAR(120) NOT NULL,
    entry_id          VARCHAR(95) NOT NULL,
    trigger_name      VARCHAR(200) NOT NULL,
    trigger_group     VARCHAR(200) NOT NULL,
    instance_name     VARCHAR(200) NOT NULL,
    fired_time        BIGINT NOT NULL,
    sched_time        BIGINT NOT NULL,
    priority          INTEGER NOT NULL,
    state             VARCHAR(16) NOT NULL,
    job_name          VARCHAR(200) NULL,
    job_group         VARCHAR(200) NULL,
    is_nonconcurrent  BOOL NULL,
    requests_recovery BOOL NULL,
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE sched_scheduler_state
  (
    sched_name        VARCHAR(120) NOT NULL,
    instance_name     VARCHAR(200) NOT NULL,
    last_checkin_time BIGINT NOT NULL,
    checkin_interval  BIGINT NOT NULL,
    PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE sched_locks
  (
    sched_name VARCHAR(120) NOT NULL,
    lock_name  VARCHAR(40) NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

create index idx_sched_j_req_recovery on sched_job_details(sched_name, requests_recovery);
create index idx_sched_j_grp on sched_job_details(sched_name, job_group);

create index idx_sched_t_j on sched_triggers(sched_name, job_name, job_group);
create index idx_sched_t_jg on sched_triggers(sched_name, job_group);
create index idx_sched_t_c on sched_triggers(sched_name, calendar_name);
create index idx_sched_t_g on sched_triggers(sched_name, trigger_group);
create index idx_sched_t_state on sched_triggers(sched_name, trigger_state);
create index idx_sched_t_n_state on sched_triggers(sched_name, trigger_name, trigger_group, trigger_state);
create index idx_sched_t_n_g_state on sched_triggers(sched_name, trigger_group, trigger_state);
create index idx_sched_t_next_fire_time on sched_triggers(sched_name, next_fire_time);
create index idx_sched_t_nft_st on sched_triggers(sched_name, trigger_state, next_fire_time);
create index idx_sched_t_nft_misfire on sched_triggers(sched_name, misfire_instr, next_fire_time);
create index idx_sched_t_nft_st_misfire on sched_triggers(sched_name, misfire_instr, next_fire_time, trigger_state);
create index idx_sched_t_nft_st_misfire_grp on sched_triggers(sched_name, misfire_instr, next_fire_time, trigger_group, trigger_state);

create index idx_sched_ft_trig_inst_name on sched_fired_triggers(sched_name, instance_name);
create index idx_sched_ft_inst_job_req_rcvry on sched_fired_triggers(sched_name, instance_name, requests_recovery);
create index idx_sched_ft_j_g on sched_fired_triggers(sched_name, job_name, job_group);
create index idx_sched_ft_jg on sched_fired_triggers(sched_name, job_group);
create index idx_sched_ft_t_g on sched_fired_triggers(sched_name, trigger_name, trigger_group);
create index idx_sched_ft_tg on sched_fired_triggers(sched_name, trigger_group);


commit;
