using System;
using System.Diagnostics.CodeAnalysis;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// A named, shaped, mutable tensor that lives across forward passes: a model weight or a piece of
/// state such as a batch-norm moving average.
/// </summary>
/// <remarks>
/// Every variable is made through the variable creator chain (<see cref="VariableCreatorScope"/>),
/// whether it comes from a constructor, <c>GetVariable</c> or a layer. Its value tensor is never
/// registered in a dispose scope, so it outlives the forward pass that created it.
/// </remarks>
public sealed class Variable
{
    private Tensor value;
    private long[]? storageOrder;

    /// <summary>
    /// Creates a variable with a new value made by <paramref name="initializer"/>. Every call makes a
    /// new variable; inside a forward pass use <c>GetVariable</c> (get-or-create) instead.
    /// </summary>
    /// <param name="name">Full name, scopes included (<c>block/kernel</c>).</param>
    /// <param name="shape">Shape of the variable.</param>
    /// <param name="dtype">Element type.</param>
    /// <param name="initializer">How to make the initial value; glorot uniform for floating types, zeros otherwise when omitted.</param>
    /// <param name="trainable">Whether the variable is trained.</param>
    /// <param name="regularizer">Regularizer whose loss the variable contributes, if any.</param>
    [CreatesVariable]
    public Variable(string name, long[] shape, ScalarType dtype = ScalarType.Float32, Initializer? initializer = null, bool trainable = true, Regularizer? regularizer = null)
        : this(new VariableCreationArgs(
            CheckName(name),
            (long[])(shape ?? throw new ArgumentNullException(nameof(shape))).Clone(),
            dtype,
            trainable,
            initializer ?? Initializers.DefaultFor(dtype),
            regularizer))
    {
    }

    /// <summary>
    /// Creates a variable holding a copy of <paramref name="initialValue"/>. Every call makes a new
    /// variable; inside a forward pass use <c>GetVariable</c> (get-or-create) instead.
    /// </summary>
    /// <param name="name">Full name, scopes included (<c>block/kernel</c>).</param>
    /// <param name="initialValue">The initial value; copied, so the caller keeps ownership of it.</param>
    /// <param name="trainable">Whether the variable is trained.</param>
    /// <param name="regularizer">Regularizer whose loss the variable contributes, if any.</param>
    [CreatesVariable]
    public Variable(string name, Tensor initialValue, bool trainable = true, Regularizer? regularizer = null)
        : this(new VariableCreationArgs(
            CheckName(name),
            (initialValue ?? throw new ArgumentNullException(nameof(initialValue))).shape,
            initialValue.dtype,
            trainable,
            Initializers.FromTensor(initialValue),
            regularizer))
    {
    }

    private Variable(VariableCreationArgs args)
    {
        var created = VariableCreatorScope.Create(args, a =>
        {
            Materialize(a);
            return this;
        });

        // A creator may hand back a variable of its own; this object then becomes another view of it
        // (adopting itself is a no-op).
        Adopt(created);
    }

    // The flag only tells this overload apart: the end of the chain materializes without re-entering it.
    private Variable(VariableCreationArgs args, bool materializeOnly)
    {
        _ = materializeOnly;
        Materialize(args);
    }

    /// <summary>Full name, scopes included (<c>model/dense/kernel</c>), without a <c>:0</c> suffix.</summary>
    public string Name { get; private set; }

    /// <summary>Shape of the variable.</summary>
    public long[] Shape => (long[])ShapeUnsafe.Clone();

    /// <summary>Element type of the variable.</summary>
    public ScalarType DType { get; private set; }

    /// <summary>Whether the variable is trained (and listed in trainable collections).</summary>
    public bool Trainable { get; private set; }

    /// <summary>How the initial value was made.</summary>
    public Initializer Initializer { get; private set; }

    /// <summary>The regularizer whose loss this variable contributes, or <see langword="null"/>.</summary>
    public Regularizer? Regularizer { get; private set; }

    /// <summary>
    /// The current value. For a trained floating-point variable this is a TorchSharp
    /// <see cref="Parameter"/>, the very tensor a module registers and an optimizer updates. The tensor
    /// is owned by the variable: read it, do not dispose it.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Someone disposed the value tensor.</exception>
    public Tensor Value => value.IsInvalid ? throw ValueDisposed() : value;

    /// <summary>Raised when <see cref="Value"/> becomes another tensor object, so the modules that registered it register the new one.</summary>
    internal event Action<Variable>? ValueReplaced;

    internal long[] ShapeUnsafe { get; private set; }

    /// <summary>Reads the variable as a tensor (its <see cref="Value"/>), so it can be used directly in tensor arithmetic.</summary>
    /// <param name="variable">The variable to read.</param>
    public static implicit operator Tensor(Variable variable) => (variable ?? throw new ArgumentNullException(nameof(variable))).Value;

    /// <summary>Overwrites the value in place with <paramref name="newValue"/> (converted to this variable's dtype).</summary>
    /// <param name="newValue">A tensor of exactly this variable's shape.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void Assign(Tensor newValue)
    {
        ArgumentNullException.ThrowIfNull(newValue);
        if (!ShapeFormat.Equal(newValue.shape, ShapeUnsafe))
        {
            throw new ArgumentException(
                $"Cannot assign a value of shape {ShapeFormat.Format(newValue.shape)} to variable {Name} of shape {ShapeFormat.Format(ShapeUnsafe)}. Reshape the value first.",
                nameof(newValue));
        }

        using var noGrad = torch.no_grad();
        Value.copy_(newValue);
    }

    /// <summary>
    /// Re-lays out the value's memory so that <c>Value.Permute(order)</c> is contiguous, keeping
    /// <see cref="Value"/>'s shape and contents (a conv kernel stays HWIO to its users while libtorch
    /// reads it as OIHW without a copy per call). Done once; later calls with the same order are free.
    /// </summary>
    /// <param name="order">The permutation libtorch wants contiguous; compared by reference, so pass a shared array.</param>
    /// <param name="inverse">The permutation back from <paramref name="order"/> to the value's own axes.</param>
    internal void UseStorageOrder(long[] order, long[] inverse)
    {
        if (ReferenceEquals(storageOrder, order))
        {
            return;
        }

        Tensor view;
        using (torch.no_grad())
        {
            using var physical = value.permute(order).contiguous();
            view = physical.permute(inverse).DetachFromDisposeScope();
        }

        // The old tensor is not disposed: a caller may still hold it from Value; it goes with the GC.
        value = value is Parameter ? new Parameter(view, requires_grad: true) : view;
        storageOrder = order;
        ValueReplaced?.Invoke(this);
    }

    /// <summary>
    /// Points the variable at the tensor TorchSharp put in its place (<c>module.to(dtype)</c> replaces
    /// registered parameters and buffers). The new tensor's element type becomes the variable's.
    /// </summary>
    /// <param name="replacement">The registered tensor now standing for this variable.</param>
    internal void Rebind(Tensor replacement)
    {
        if (ReferenceEquals(replacement, value))
        {
            return;
        }

        value = replacement;
        DType = replacement.dtype;
        storageOrder = null;
    }

    /// <summary>The regularization loss for the current value, or <see langword="null"/> when the variable is not regularized.</summary>
    /// <returns>A scalar tensor owned by the caller (or the active dispose scope).</returns>
    public Tensor? RegularizationLoss() => Regularizer?.Loss(Value);

    /// <summary>A short description: name, shape, dtype and whether it is trainable.</summary>
    /// <returns>For example <c>Variable 'dense/kernel' shape=(3, 4) dtype=float32 trainable</c>.</returns>
    public override string ToString() =>
        $"Variable '{Name}' shape={ShapeFormat.Format(ShapeUnsafe)} dtype={DTypeNames.Of(DType)} {(Trainable ? "trainable" : "non-trainable")}";

    /// <summary>Makes the variable at the end of the creator chain: runs the initializer, nothing else.</summary>
    internal static Variable MaterializeNew(VariableCreationArgs args) => new(args, materializeOnly: true);

    /// <summary>Creates a variable through the creator chain (what the store and layers use).</summary>
    internal static Variable CreateThroughChain(VariableCreationArgs args) => VariableCreatorScope.Create(args, MaterializeNew);

    private static string CheckName(string name)
    {
        ScopeNames.Check(name, "A variable", "block/kernel");
        return name;
    }

    // A disposed value would otherwise fail deep inside a layer with a message that names no variable.
    private ObjectDisposedException ValueDisposed() =>
        new(Name, $"The value of variable {Name} was disposed, so the module that owns it can no longer run. A variable owns its value: read it, never dispose it; rebuild the module (or Assign into a fresh variable) to go on.");

    [MemberNotNull(nameof(value), nameof(Name), nameof(Initializer), nameof(ShapeUnsafe))]
    private void Materialize(VariableCreationArgs args)
    {
        foreach (var dimension in args.Shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException(
                    $"Variable {args.Name} was asked for shape {ShapeFormat.Format(args.Shape)}, which has a negative dimension. Every dimension of a variable must be known and 0 or more.",
                    nameof(args));
            }
        }

        Name = args.Name;
        ShapeUnsafe = (long[])args.Shape.Clone();
        DType = args.DType;
        Trainable = args.Trainable;
        Initializer = args.Initializer;
        Regularizer = args.Regularizer;

        Tensor initial;
        using (torch.no_grad())
        {
            initial = args.Initializer.Create(ShapeUnsafe, args.DType);
        }

        if (!ShapeFormat.Equal(initial.shape, ShapeUnsafe) || initial.dtype != args.DType)
        {
            var got = $"{ShapeFormat.Format(initial.shape)} {DTypeNames.Of(initial.dtype)}";
            initial.Dispose();
            throw new InvalidOperationException(
                $"Initializer {args.Initializer} produced {got} for variable {args.Name}, which needs {ShapeFormat.Format(ShapeUnsafe)} {DTypeNames.Of(args.DType)}.");
        }

        // The value must outlive the forward pass that created it. A trained variable is a Parameter
        // from the start, so the tensor a module registers is the one every layer reads.
        initial.DetachFromDisposeScope();
        value = args.Trainable && DTypeNames.IsFloating(args.DType) ? new Parameter(initial, requires_grad: true) : initial;
    }

    [MemberNotNull(nameof(value), nameof(Name), nameof(Initializer), nameof(ShapeUnsafe))]
    private void Adopt(Variable other)
    {
        Name = other.Name;
        ShapeUnsafe = other.ShapeUnsafe;
        DType = other.DType;
        Trainable = other.Trainable;
        Initializer = other.Initializer;
        Regularizer = other.Regularizer;
        value = other.value;
        storageOrder = other.storageOrder;
    }
}
