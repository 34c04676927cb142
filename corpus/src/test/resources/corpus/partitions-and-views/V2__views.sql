CREATE MATERIALIZED VIEW sensor_summary AS
    SELECT sensor, count(*) AS readings, avg(celsius) AS mean_celsius FROM measurement GROUP BY sensor
WITH DATA;
CREATE UNIQUE INDEX sensor_summary_sensor ON sensor_summary (sensor);

CREATE VIEW warm_measurement AS
    SELECT id, sensor, taken_on, celsius FROM measurement WHERE celsius > 20
WITH LOCAL CHECK OPTION;
