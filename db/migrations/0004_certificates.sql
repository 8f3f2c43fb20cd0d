-- SPDX-License-Identifier: MIT
-- Certificates an organisation can stand behind: an unguessable verification code per certificate (the
-- public check needs number and code), revocation with a reason and who revoked, and the emblem image the
-- certificate prints.

ALTER TABLE certificates ADD COLUMN IF NOT EXISTS verification_code text;
ALTER TABLE certificates ADD COLUMN IF NOT EXISTS revoked_reason text;
ALTER TABLE certificates ADD COLUMN IF NOT EXISTS revoked_by bigint REFERENCES admins (id) ON DELETE SET NULL;

-- Certificates issued before this migration get a code too: 12 Crockford base32 characters from the strong
-- random bytes of gen_random_uuid() (the version and variant bytes 6 and 8 are skipped; 256 is a multiple of
-- 32, so every character is uniform). The subquery refers to the row so it runs once per certificate.
UPDATE certificates c
SET verification_code = (
    SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(u.b, i) % 32 + 1, 1), ''
                      ORDER BY ord)
    FROM (SELECT uuid_send(gen_random_uuid()) AS b WHERE c.number IS NOT NULL) u,
         unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) WITH ORDINALITY AS t(i, ord))
WHERE verification_code IS NULL;

ALTER TABLE certificates ALTER COLUMN verification_code SET NOT NULL;

-- One emblem per installation; the bytes were checked (PNG or JPEG, size, dimensions) before they got here.
CREATE TABLE IF NOT EXISTS certificate_emblem (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    image        bytea NOT NULL,
    width        integer NOT NULL,
    height       integer NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   bigint REFERENCES admins (id) ON DELETE SET NULL
);
