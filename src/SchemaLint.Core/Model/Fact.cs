using System;
using System.Collections.Generic;

namespace SchemaLint.Core.Model
{
    /// <summary>
    /// A fact about the schema that a front end either established or could not establish.
    /// Unknown is a value, not an error: a rule that needs an unknown fact stays silent.
    /// </summary>
    /// <remarks>
    /// A known fact may carry the source location that established it (for example the
    /// <c>HasMaxLength(50)</c> call), so that a finding can point at the code that is wrong
    /// rather than at the property it concerns.
    /// </remarks>
    public readonly struct Fact<T> : IEquatable<Fact<T>>
    {
        private readonly T _value;

        private Fact(T value, SourceLocation? location)
        {
            _value = value;
            Location = location;
            IsKnown = true;
        }

        public static Fact<T> Unknown => default;

        public bool IsKnown { get; }

        /// <summary>Where the fact was established, if a front end could say.</summary>
        public SourceLocation? Location { get; }

        /// <summary>The value of a known fact; reading an unknown fact is a programming error.</summary>
        public T Value => IsKnown ? _value : throw new InvalidOperationException("The fact is unknown; check IsKnown or use Is/TryGet.");

        public static Fact<T> Known(T value, SourceLocation? location = null) => new Fact<T>(value, location);

        public static implicit operator Fact<T>(T value) => Known(value);

        /// <summary>True only when the fact is known and equals <paramref name="expected"/>.</summary>
        public bool Is(T expected) => IsKnown && EqualityComparer<T>.Default.Equals(_value, expected);

        /// <summary>True only when the fact is known and differs from <paramref name="other"/>.</summary>
        public bool IsNot(T other) => IsKnown && !EqualityComparer<T>.Default.Equals(_value, other);

        public bool TryGet(out T value)
        {
            value = _value;
            return IsKnown;
        }

        /// <summary>The same value, now attributed to <paramref name="location"/>.</summary>
        public Fact<T> At(SourceLocation? location) => IsKnown ? new Fact<T>(_value, location) : this;

        public bool Equals(Fact<T> other) =>
            IsKnown == other.IsKnown && (!IsKnown || EqualityComparer<T>.Default.Equals(_value, other._value));

        public override bool Equals(object? obj) => obj is Fact<T> other && Equals(other);

        public override int GetHashCode() => IsKnown ? EqualityComparer<T>.Default.GetHashCode(_value!) : 0;

        public override string ToString() => IsKnown ? (_value?.ToString() ?? "null") : "unknown";
    }
}
