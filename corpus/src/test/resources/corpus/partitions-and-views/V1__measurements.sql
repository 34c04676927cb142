CREATE TABLE measurement (
    id         bigserial,
    sensor     integer NOT NULL,
    taken_on   date NOT NULL,
    celsius    numeric(5, 2) NOT NULL,
    fahrenheit numeric GENERATED ALWAYS AS (celsius * 9 / 5 + 32) STORED,
    PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurement_2026 PARTITION OF measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE measurement_default PARTITION OF measurement DEFAULT;
CREATE INDEX measurement_sensor ON measurement (sensor, taken_on);

INSERT INTO measurement (sensor, taken_on, celsius) VALUES
    (1, '2025-06-01', 21.5), (1, '2026-06-01', 23.0), (2, '2030-01-01', -4.25);

CREATE UNLOGGED TABLE measurement_staging (LIKE measurement INCLUDING ALL);
