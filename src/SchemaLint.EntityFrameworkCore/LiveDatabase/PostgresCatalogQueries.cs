namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// The catalog queries behind <see cref="PostgresSchemaReader"/>. They read pg_catalog rather than information_schema
    /// alone because information_schema has no indexes (nor partial or expression keys) and hides tables the user holds no
    /// privilege on; information_schema's own helpers turn type modifiers into lengths and precisions.
    /// Lists of column names come back as JSON arrays, so names with any character survive.
    /// </summary>
    internal static class PostgresCatalogQueries
    {
        /// <summary>User tables, partitioned tables (not their partitions), views and materialized views; no system or extension-owned objects.</summary>
        private const string Relations = @"
WITH rels AS (
    SELECT c.oid, n.nspname, c.relname, c.relkind
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm')
      AND NOT c.relispartition
      AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e'))
";

        /// <summary>max_identifier_length is NAMEDATALEN - 1: the bytes the server keeps of a longer name.</summary>
        public const string Database =
            "SELECT pg_catalog.current_database(), pg_catalog.current_schema(), pg_catalog.current_setting('max_identifier_length')::integer, current_user::text";

        public const string Tables = Relations + @"
SELECT oid::bigint, nspname, relname, relkind::text FROM rels ORDER BY nspname, relname";

        public const string Columns = Relations + @"
SELECT a.attrelid::bigint, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
       information_schema._pg_char_max_length(a.atttypid, a.atttypmod),
       information_schema._pg_numeric_precision(a.atttypid, a.atttypmod),
       information_schema._pg_numeric_scale(a.atttypid, a.atttypmod),
       a.attidentity <> '', a.attgenerated <> ''
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE a.attrelid IN (SELECT oid FROM rels) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum";

        public const string Constraints = Relations + @"
SELECT con.conrelid::bigint, con.conname, con.contype::text,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
        FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)::text,
       fn.nspname, fc.relname,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
        FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)::text,
       con.confdeltype::text, con.convalidated,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conrelid IN (SELECT oid FROM rels)
ORDER BY con.conrelid, con.conname";

        /// <summary>Key columns only (not INCLUDE columns), in index order; an expression key is a JSON null.</summary>
        public const string Indexes = Relations + @"
SELECT i.indrelid::bigint, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid),
       (SELECT pg_catalog.json_agg(CASE WHEN k.attnum = 0 THEN NULL ELSE a.attname END ORDER BY k.ord)
        FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE k.ord <= i.indnkeyatts)::text
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE i.indrelid IN (SELECT oid FROM rels)
ORDER BY i.indrelid, ic.relname";
    }
}
