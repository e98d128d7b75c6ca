-- Version 13: the search's rank of incidents whose weapon or actor the
-- query names (issue 14). Its condition, "t.n IN (weapon's incidents) OR
-- t.n IN (actors' incidents)" newest first, left PostgreSQL's planner no
-- estimate: it walked every incident backwards testing both sets, 1.5 s
-- at 1,000,000 incidents for a name that matches nothing and as long for
-- an actor of a dozen incidents. It now takes the newest few of the
-- weapon and of each actor (sqlstore's dialect, NamedIncidents), each an
-- index walk that stops at the page: these two indexes, in incident order.
CREATE INDEX incident_weapons_weapon_n ON incident_weapons (weapon, incident_n);
CREATE INDEX incident_actors_actor_n ON incident_actors (actor_id, incident_n);
ANALYZE incident_weapons;
ANALYZE incident_actors;
