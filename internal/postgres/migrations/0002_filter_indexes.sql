-- Version 2: indexes for the incident list filtered by country and type
-- (or sub-type) together, newest first: the web UI's most common filter.
CREATE INDEX incidents_country_type ON incidents (country, type, sort_day, n);
CREATE INDEX incidents_country_sub_type ON incidents (country, sub_type, sort_day, n);
-- Fresh statistics, so that the planner knows the new indexes.
ANALYZE incidents;
