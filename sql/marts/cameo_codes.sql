-- The CAMEO codebook the event coder uses: every code with its root, label, quad class and Goldstein score.
-- @group event_marts
-- @key code
-- @column code: CAMEO event code (2 to 4 digits), as in events.event_code.
-- @column root_code: Its two-digit root, as in events.event_root_code.
-- @column label: The code's label, as in events.event_label.
-- @column quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
-- @column goldstein: Goldstein scale score in [-10, 10] (conflict negative).
SELECT code, root_code, label, CAST(quad_class AS INTEGER) AS quad_class, goldstein FROM staging.cameo_codes ORDER BY code
