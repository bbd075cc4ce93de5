using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SchemaLint.Analyzers.Lifecycle
{
    /// <summary>What a method does with a DbContext it created.</summary>
    internal enum ContextFate
    {
        /// <summary>Used and dropped: nothing disposes it.</summary>
        Abandoned,
        Disposed,

        /// <summary>Returned, stored, passed on, captured, or used in a way this analysis does not follow: someone else may dispose it.</summary>
        HandedOn,
    }

    /// <summary>
    /// Follows a newly created context through the method that created it. Anything the analysis cannot follow counts as handed
    /// on, so the rule only fires when every use is visibly a plain use (a member access) and nothing disposes it.
    /// </summary>
    internal static class ContextOwnership
    {
        public static ContextFate FateOf(IOperation creation)
        {
            var (value, parent) = Climb(creation);
            switch (parent)
            {
                case null:
                    return ContextFate.HandedOn;
                case IExpressionStatementOperation:
                    return ContextFate.Abandoned;
                case IUsingOperation:
                    return ContextFate.Disposed;
                case IArgumentOperation when IsDisposedThroughConfigureAwait(value, parent):
                    return ContextFate.Disposed;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return IsUsingDeclaration(declarator) ? ContextFate.Disposed : FateOfLocal(declarator.Symbol, creation);
                case ISimpleAssignmentOperation assignment when assignment.Value == value:
                    return assignment.Target is ILocalReferenceOperation local && !local.Local.IsRef
                        ? FateOfLocal(local.Local, creation)
                        : assignment.Target is IDiscardOperation ? ContextFate.Abandoned : ContextFate.HandedOn;
                default:
                    return FateOfReceiverUse(value, parent);
            }
        }

        /// <summary>
        /// Steps over what does not change the value: conversions, parentheses, and the await of <c>CreateDbContextAsync</c>,
        /// configured or not (<c>await factory.CreateDbContextAsync().ConfigureAwait(false)</c>).
        /// </summary>
        private static (IOperation Value, IOperation? Parent) Climb(IOperation operation)
        {
            var value = operation;
            while (value.Parent is IConversionOperation or IAwaitOperation or IParenthesizedOperation || IsConfiguredAwait(value))
                value = value.Parent!;
            return (value, value.Parent);
        }

        // task.ConfigureAwait(false) awaited at once: the awaited value is still the task's result.
        private static bool IsConfiguredAwait(IOperation value) =>
            value.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", TargetMethod.IsExtensionMethod: false } invocation
            && invocation.Instance == value
            && invocation.Parent is IAwaitOperation;

        /// <summary>
        /// <c>await using (context.ConfigureAwait(false))</c> or <c>await using var _ = context.ConfigureAwait(false)</c>: the configured
        /// wrapper disposes the context when the using ends.
        /// </summary>
        private static bool IsDisposedThroughConfigureAwait(IOperation value, IOperation parent)
        {
            if (parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ConfigureAwait", TargetMethod.IsExtensionMethod: true } invocation }) return false;
            if (invocation.Arguments.Length == 0 || invocation.Arguments[0] != parent) return false;
            var (_, wrapperParent) = Climb(invocation);
            return wrapperParent switch
            {
                IUsingOperation => true,
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => IsUsingDeclaration(declarator),
                _ => false,
            };
        }

        /// <summary><c>new Ctx().Users.ToList()</c> drops the context; <c>new Ctx().Dispose()</c> does not.</summary>
        private static ContextFate FateOfReceiverUse(IOperation value, IOperation parent)
        {
            if (!IsReceiverOf(value, parent)) return ContextFate.HandedOn;
            return IsDisposeCall(parent) ? ContextFate.Disposed : ContextFate.Abandoned;
        }

        private static ContextFate FateOfLocal(ILocalSymbol local, IOperation creation)
        {
            var scope = ScopeOf(creation);
            var disposed = false;
            foreach (var reference in scope.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local)) continue;
                if (IsCapturedBetween(reference, scope)) return ContextFate.HandedOn;

                var (value, parent) = Climb(reference);
                if (parent is null) return ContextFate.HandedOn;

                // Writing the variable is not a use of the context it held.
                if (parent is ISimpleAssignmentOperation write && write.Target == value) continue;
                if (parent is IUsingOperation || IsDisposedThroughConfigureAwait(value, parent)) { disposed = true; continue; }
                if (parent is IConditionalAccessOperation conditional && conditional.Operation == value)
                {
                    if (conditional.WhenNotNull is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } call && IsDisposeCall(call)) disposed = true;
                    continue;
                }

                if (!IsReceiverOf(value, parent)) return ContextFate.HandedOn;
                if (IsDisposeCall(parent)) disposed = true;
            }

            return disposed ? ContextFate.Disposed : ContextFate.Abandoned;
        }

        private static bool IsUsingDeclaration(IVariableDeclaratorOperation declarator) =>
            declarator.Parent is IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation { Parent: IUsingDeclarationOperation or IUsingOperation } };

        private static bool IsReceiverOf(IOperation value, IOperation parent) => parent switch
        {
            IInvocationOperation invocation => invocation.Instance == value,
            IPropertyReferenceOperation property => property.Instance == value,
            IFieldReferenceOperation field => field.Instance == value,
            IEventReferenceOperation @event => @event.Instance == value,
            _ => false,
        };

        private static bool IsDisposeCall(IOperation operation) =>
            operation is IInvocationOperation { TargetMethod.Name: "Dispose" or "DisposeAsync", TargetMethod.Parameters.Length: 0 };

        /// <summary>The body the creation belongs to: the nearest lambda or local function, else the whole member.</summary>
        private static IOperation ScopeOf(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                if (current.Parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return current.Parent;
                current = current.Parent;
            }

            return current;
        }

        /// <summary>A reference inside a lambda or local function nested in the scope: the context escapes into a closure.</summary>
        private static bool IsCapturedBetween(IOperation reference, IOperation scope)
        {
            for (var current = reference.Parent; current is not null && current != scope; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation) return true;
            }

            return false;
        }
    }
}
