-- Which relay holds an in-flight row's lease (`host/pid`). A station restarted after a crash or a
-- power cut finds its predecessor's process gone and sends the row again at once, instead of
-- waiting out the 30 s lease; a live relay's rows (`bancada sync now` beside the running station)
-- keep their lease. NULL for rows claimed before this column existed: they wait for their lease.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
