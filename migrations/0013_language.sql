-- A person's own language for Convene (a code of the message catalogue, such as 'ro');
-- NULL: follow the language chosen on this device, the browser's, then the group's default.
ALTER TABLE users ADD COLUMN language TEXT;
