namespace OneStop.Infrastructure.Data.Sql;

/// <summary>
/// The dossier's look-up key, drawn by PostgreSQL: 10 characters of the alphabet of <see cref="OneStop.Core.Dossiers.LookupKeys"/>,
/// each from the low 5 bits of one byte of gen_random_uuid() (a strong random source; the bytes holding the version and variant
/// bits are skipped), 50 random bits in all. A column default, so EF, the legacy import's INSERT … SELECT and hand-written SQL all
/// give every row its own key, and adding the column gives every existing dossier one.
/// </summary>
internal static class LookupKeySql
{
    public const string Function = "public.onestop_lookup_key";

    /// <summary>The first definition (migration AddDossierLookupKey): a query per call, run through the SQL-function executor.</summary>
    public const string Up = """
        CREATE OR REPLACE FUNCTION public.onestop_lookup_key() RETURNS text
            LANGUAGE sql VOLATILE PARALLEL SAFE
            AS $$
                SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (get_byte(b, i) & 31) + 1, 1), '' ORDER BY n)
                FROM (SELECT uuid_send(gen_random_uuid()) AS b) u,
                     unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10, 11, 12]) WITH ORDINALITY AS k(i, n)
            $$;
        """;

    /// <summary>
    /// The same draw as one PL/pgSQL expression (migration LookupKeyAsOneExpression): evaluated without starting an executor per
    /// call, 10 → 3.6 µs a key — paid once per row by the legacy import's INSERT … SELECT, a million times in a 1M import.
    /// </summary>
    public const string AsOneExpression = """
        CREATE OR REPLACE FUNCTION public.onestop_lookup_key() RETURNS text
            LANGUAGE plpgsql VOLATILE PARALLEL SAFE
            AS $$
            DECLARE
                b constant bytea := uuid_send(gen_random_uuid());
                a constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
            BEGIN
                RETURN substr(a, (get_byte(b, 0) & 31) + 1, 1) || substr(a, (get_byte(b, 1) & 31) + 1, 1)
                    || substr(a, (get_byte(b, 2) & 31) + 1, 1) || substr(a, (get_byte(b, 3) & 31) + 1, 1)
                    || substr(a, (get_byte(b, 4) & 31) + 1, 1) || substr(a, (get_byte(b, 5) & 31) + 1, 1)
                    || substr(a, (get_byte(b, 9) & 31) + 1, 1) || substr(a, (get_byte(b, 10) & 31) + 1, 1)
                    || substr(a, (get_byte(b, 11) & 31) + 1, 1) || substr(a, (get_byte(b, 12) & 31) + 1, 1);
            END $$;
        """;

    public const string Down = "DROP FUNCTION IF EXISTS public.onestop_lookup_key();";
}
