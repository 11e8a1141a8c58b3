namespace OneStop.Infrastructure.Data.Sql;

/// <summary>
/// Search without diacritics: unaccent() is only STABLE; naming the dictionary makes a wrapper safe to declare IMMUTABLE, so it
/// can be indexed (procedures by name and code, dossiers by applicant name).
/// </summary>
internal static class SearchTextSql
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION public.f_search_text(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
        CREATE INDEX ix_procedures_search ON procedures USING gin (public.f_search_text(name || ' ' || code) gin_trgm_ops);
        CREATE INDEX ix_dossiers_applicant_search ON dossiers USING gin (public.f_search_text(applicant_full_name) gin_trgm_ops);
        """;

    public const string Down = """
        DROP INDEX IF EXISTS ix_dossiers_applicant_search;
        DROP INDEX IF EXISTS ix_procedures_search;
        DROP FUNCTION IF EXISTS public.f_search_text(text);
        """;
}
