using System.Collections;
using System.Reflection;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Walks what an object reaches through its fields, to check what a cache keeps alive.</summary>
internal static class ObjectGraph
{
    /// <summary>
    /// The path to the first object reachable from <paramref name="root"/> that <paramref name="forbidden"/> matches, or null.
    /// Objects <paramref name="opaque"/> matches are allowed and not walked into.
    /// </summary>
    public static string? PathToFirst(object root, Func<object, bool> forbidden, Func<object, bool> opaque)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Queue<(object Value, string Path)>();
        pending.Enqueue((root, root.GetType().Name));
        while (pending.Count > 0)
        {
            var (value, path) = pending.Dequeue();
            if (forbidden(value)) return path + " (" + value.GetType().FullName + ")";
            if (opaque(value) || IsLeaf(value.GetType()) || (!value.GetType().IsValueType && !seen.Add(value))) continue;
            if (value is Array array)
            {
                var index = 0;
                foreach (var item in (IEnumerable)array)
                {
                    if (item is not null) pending.Enqueue((item, $"{path}[{index}]"));
                    index++;
                }

                continue;
            }

            for (var type = value.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (IsLeaf(field.FieldType)) continue;
                    if (field.GetValue(value) is { } reached) pending.Enqueue((reached, path + "." + field.Name));
                }
            }
        }

        return null;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
        || typeof(Type).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type)
        || type == typeof(IntPtr) || type == typeof(UIntPtr);
}
