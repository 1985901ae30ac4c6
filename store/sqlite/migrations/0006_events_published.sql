-- Parallax store, schema version 6: an index of the events by publication
-- date, which covers the count of a period's events that a comparison
-- takes to size its tables (compareSizeQuery in store/sqlite/compare.go):
-- without it the count read every event row, places and all.

CREATE INDEX events_published ON events (published);
