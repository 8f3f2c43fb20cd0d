-- Candidate content as data (issue 16): the positions the registration form offers, in the settings table
-- under the key "positions", maintained by administrators (PUT /api/v1/positions). Seeded with the original
-- system's 17 ministry positions; "allowOther" lets a candidate type a position that is not listed.
-- Idempotent: an administrator's list is never overwritten.
INSERT INTO settings (key, value)
VALUES ('positions', jsonb_build_object(
    'allowOther', false,
    'positions', jsonb_build_array(
        'Министр природных ресурсов',
        'Первый заместитель министра природных ресурсов',
        'Заместитель министра природных ресурсов',
        'Начальник управления',
        'Заместитель начальника управления, начальник отдела в управлении',
        'Начальник отдела',
        'Начальник отдела в управлении',
        'Заместитель начальника отдела',
        'Заместитель начальника отдела в управлении',
        'Главный консультант',
        'Ведущий консультант',
        'Консультант',
        'Главный государственный инспектор',
        'Ведущий специалист 1 разряда',
        'Ведущий специалист 2 разряда',
        'Помощник министра',
        'ГБУ')))
ON CONFLICT (key) DO NOTHING;
