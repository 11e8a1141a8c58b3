namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// Set-based merges of the reference tables. A legacy code that already exists in OneStop maps onto that row, which is left
/// as OneStop has it; codes OneStop lacks become rows of their own (deterministic ids) that later runs may update.
/// Only rows whose hash differs from the record map are written; the map is updated in the same transaction.
/// </summary>
internal static class LegacyReferenceSql
{
    private static string Changed(string table, string key) =>
        $"LEFT JOIN legacy.record_map m ON m.source_id = @source_id AND m.tbl = '{table}' AND m.legacy_key = {key} WHERE m.row_hash IS DISTINCT FROM s.h";

    private static string Map(string table, string key, string target, string from) => $"""
        INSERT INTO legacy.record_map (source_id, tbl, legacy_key, target_id, row_hash, run_id)
        SELECT @source_id, '{table}', {key}, {target}, s.h, @run {from}
        ON CONFLICT (source_id, tbl, legacy_key) DO UPDATE SET target_id = excluded.target_id, row_hash = excluded.row_hash, run_id = excluded.run_id
        WHERE record_map.row_hash IS DISTINCT FROM excluded.row_hash OR record_map.target_id <> excluded.target_id
        """;

    public static readonly string[] Agencies =
    [
        $"""
        INSERT INTO agencies (id, code, name, identifier, kind, parent_id, closed_on, successor_id)
        SELECT {LegacySql.Uid("don_vi", "s.legacy_code")}, left(s.code, 32), left(s.name, 300), left(s.legacy_code, 64), s.kind, NULL, s.closed_on, NULL
        FROM legacy.stg_agencies s {Changed("don_vi", "s.legacy_code")}
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, closed_on = excluded.closed_on
        WHERE agencies.id = excluded.id
        """,
        $"""
        UPDATE agencies a SET parent_id = p.id, successor_id = su.id
        FROM legacy.stg_agencies s
        LEFT JOIN agencies p ON p.code = s.parent_code
        LEFT JOIN agencies su ON su.code = s.successor_code
        WHERE a.id = {LegacySql.Uid("don_vi", "s.legacy_code")} AND p.id IS DISTINCT FROM a.id AND su.id IS DISTINCT FROM a.id
          AND (a.parent_id IS DISTINCT FROM p.id OR a.successor_id IS DISTINCT FROM su.id)
        """,
        Map("don_vi", "s.legacy_code", "a.id", "FROM legacy.stg_agencies s JOIN agencies a ON a.code = left(s.code, 32)"),
    ];

    /// <summary>The field of legacy procedures without one (placeholders).</summary>
    public const string LegacyFieldCode = "HT-CU";

    public static readonly string[] Fields =
    [
        $"""
        INSERT INTO fields (id, code, name) VALUES ({LegacySql.Uid("linh_vuc", $"'{LegacyFieldCode}'")}, '{LegacyFieldCode}', 'Thủ tục của hệ thống một cửa cũ')
        ON CONFLICT (code) DO NOTHING
        """,
        $"""
        INSERT INTO fields (id, code, name)
        SELECT {LegacySql.Uid("linh_vuc", "s.code")}, left(s.code, 64), left(s.name, 300)
        FROM legacy.stg_fields s {Changed("linh_vuc", "s.code")}
        ON CONFLICT (code) DO UPDATE SET name = excluded.name WHERE fields.id = excluded.id
        """,
        Map("linh_vuc", "s.code", "f.id", "FROM legacy.stg_fields s JOIN fields f ON f.code = left(s.code, 64)"),
    ];

    public static readonly string[] Procedures =
    [
        $"""
        INSERT INTO procedures (id, code, name, field_id, agency_id, level, fee, processing_days, workflow_id, required_documents, form_schema,
                                result_template, is_active, current_version)
        SELECT {LegacySql.Uid("thu_tuc", "s.legacy_code")}, left(s.code, 64), left(s.name, 500),
               coalesce(f.id, (SELECT id FROM fields WHERE code = '{LegacyFieldCode}')), a.id,
               CASE WHEN s.online_level IN (2, 3, 4) THEN s.online_level ELSE 2 END, greatest(coalesce(s.fee, 0), 0),
               greatest(coalesce(s.working_days, 0), 0), left(s.workflow_id, 100), '[]', '[]', NULL, false, 0
        FROM legacy.stg_procedures s
        LEFT JOIN legacy.record_map fm ON fm.source_id = @source_id AND fm.tbl = 'linh_vuc' AND fm.legacy_key = s.field_code
        LEFT JOIN fields f ON f.id = fm.target_id
        LEFT JOIN agencies a ON a.code = s.agency_code
        {Changed("thu_tuc", "s.legacy_code")}
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, field_id = excluded.field_id, agency_id = excluded.agency_id,
            level = excluded.level, fee = excluded.fee, processing_days = excluded.processing_days, workflow_id = excluded.workflow_id
        WHERE procedures.id = excluded.id
        """,
        Map("thu_tuc", "s.legacy_code", "p.id", "FROM legacy.stg_procedures s JOIN procedures p ON p.code = left(s.code, 64)"),
    ];

    public static readonly string[] Officials =
    [
        $"""
        UPDATE users u SET full_name = left(s.full_name, 200), agency_id = a.id, department_id = d.id, is_active = u.is_active AND s.active,
               phone_number = s.phone, lockout_end = CASE WHEN s.active THEN u.lockout_end ELSE '9999-12-31 00:00:00+00'::timestamptz END
        FROM legacy.stg_officials s
        LEFT JOIN legacy.record_map m ON m.source_id = @source_id AND m.tbl = 'can_bo' AND m.legacy_key = s.user_name
        LEFT JOIN legacy.record_map am ON am.source_id = @source_id AND am.tbl = 'don_vi' AND am.legacy_key = s.agency_code
        LEFT JOIN agencies a ON a.id = am.target_id
        LEFT JOIN LATERAL ({DepartmentOf}) d ON true
        WHERE m.row_hash IS DISTINCT FROM s.h AND u.id = {LegacySql.Uid("can_bo", "s.user_name")}
        """,
        $"""
        INSERT INTO users (id, full_name, id_number, address, agency_id, department_id, is_active, created_at, user_name, normalized_user_name,
                           email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number,
                           phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count)
        SELECT {LegacySql.Uid("can_bo", "s.user_name")}, left(s.full_name, 200), NULL, NULL, a.id, d.id, s.active, @exported,
               left(s.login, 256), upper(left(s.login, 256)), left(s.email, 256), upper(left(s.email, 256)), false, NULL,
               upper(md5('stamp|' || @source || s.user_name)), md5('concurrency|' || @source || s.user_name), s.phone, false, false,
               CASE WHEN s.active THEN NULL ELSE '9999-12-31 00:00:00+00'::timestamptz END, true, 0
        FROM legacy.stg_officials s
        LEFT JOIN legacy.record_map am ON am.source_id = @source_id AND am.tbl = 'don_vi' AND am.legacy_key = s.agency_code
        LEFT JOIN agencies a ON a.id = am.target_id
        LEFT JOIN LATERAL ({DepartmentOf}) d ON true
        WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.normalized_user_name = upper(left(s.login, 256)))
        ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO user_roles (user_id, role_id)
        SELECT u.id, r.id FROM legacy.stg_officials s
        JOIN users u ON u.normalized_user_name = upper(left(s.login, 256)) AND u.password_hash IS NULL
        JOIN roles r ON r.name = s.role
        WHERE NOT EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = u.id)
        ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO user_claims (user_id, claim_type, claim_value)
        SELECT u.id, 'legacy_position', s.position FROM legacy.stg_officials s
        JOIN users u ON u.normalized_user_name = upper(left(s.login, 256))
        WHERE s.position IS NOT NULL AND NOT EXISTS (SELECT 1 FROM user_claims c WHERE c.user_id = u.id AND c.claim_type = 'legacy_position')
        """,
        Map("can_bo", "s.user_name", "u.id", "FROM legacy.stg_officials s JOIN users u ON u.normalized_user_name = upper(left(s.login, 256))"),
    ];

    /// <summary>
    /// Agencies the import created (active ones) get the units their open dossiers' steps are assigned to (plus the counter and the
    /// leaders), so that those dossiers are in someone's inbox; OneStop's own agencies are left as they are.
    /// </summary>
    public static readonly string Departments = $"""
        INSERT INTO departments (id, agency_id, code, name, is_reception)
        SELECT {LegacySql.Uid("phong", "a.code || '|' || x.code")}, a.id, left(x.code, 32),
               CASE x.code WHEN 'MOTCUA' THEN 'Bộ phận Tiếp nhận và Trả kết quả' WHEN 'LANHDAO' THEN 'Ban Lãnh đạo' ELSE 'Phòng ' || x.code END,
               x.code = 'MOTCUA'
        FROM legacy.stg_agencies s
        JOIN agencies a ON a.id = {LegacySql.Uid("don_vi", "s.legacy_code")} AND a.closed_on IS NULL
        CROSS JOIN LATERAL (SELECT r.department AS code FROM legacy.stg_routes r WHERE r.department IS NOT NULL AND (r.agency IS NULL OR r.agency = a.code)
                            UNION SELECT 'MOTCUA' UNION SELECT 'LANHDAO') x
        ON CONFLICT (agency_id, code) DO NOTHING
        """;

    /// <summary>The department an official of a role works in: the counter, the leaders, or the first processing unit.</summary>
    private const string DepartmentOf = """
        SELECT dd.id FROM departments dd WHERE dd.agency_id = a.id
        ORDER BY CASE WHEN s.role = 'Reception' THEN NOT dd.is_reception
                      WHEN s.role = 'Leader' THEN dd.code <> 'LANHDAO'
                      ELSE dd.is_reception OR dd.code = 'LANHDAO' END, dd.code
        LIMIT 1
        """;
}
