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

    public const string Up = """
        CREATE OR REPLACE FUNCTION public.onestop_lookup_key() RETURNS text
            LANGUAGE sql VOLATILE PARALLEL SAFE
            AS $$
                SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', (get_byte(b, i) & 31) + 1, 1), '' ORDER BY n)
                FROM (SELECT uuid_send(gen_random_uuid()) AS b) u,
                     unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10, 11, 12]) WITH ORDINALITY AS k(i, n)
            $$;
        """;

    public const string Down = "DROP FUNCTION IF EXISTS public.onestop_lookup_key();";
}
