using System.Text;

namespace SchemaLint.Core.Model.Database
{
    /// <summary>How a server shortens identifiers longer than it stores.</summary>
    public static class DatabaseIdentifier
    {
        /// <summary>
        /// <paramref name="name"/> cut to at most <paramref name="maxBytes"/> bytes of UTF-8 at a character boundary, as PostgreSQL
        /// cuts identifiers longer than NAMEDATALEN - 1 (it does so silently in CREATE, and again in every lookup).
        /// </summary>
        public static string Truncate(string name, int maxBytes)
        {
            if (maxBytes <= 0 || Encoding.UTF8.GetByteCount(name) <= maxBytes) return name;
            var bytes = 0;
            var index = 0;
            while (index < name.Length)
            {
                var length = char.IsHighSurrogate(name[index]) && index + 1 < name.Length && char.IsLowSurrogate(name[index + 1]) ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(name.ToCharArray(index, length));
                if (bytes + size > maxBytes) break;
                bytes += size;
                index += length;
            }

            return name.Substring(0, index);
        }
    }
}
