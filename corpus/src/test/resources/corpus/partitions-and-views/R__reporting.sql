-- Replaced whenever this file changes.
CREATE OR REPLACE VIEW yearly_mean AS
    SELECT date_part('year', taken_on) AS year, round(avg(celsius), 2) AS mean
    FROM measurement GROUP BY 1;

CREATE OR REPLACE FUNCTION to_kelvin(c numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN c + 273.15;

CREATE OR REPLACE PROCEDURE stage_sensor(p_sensor integer)
    LANGUAGE sql
BEGIN ATOMIC
    DELETE FROM measurement_staging WHERE sensor = p_sensor;
    INSERT INTO measurement_staging (sensor, taken_on, celsius)
        SELECT sensor, taken_on, celsius FROM measurement WHERE sensor = p_sensor;
END;

CALL stage_sensor(1);
