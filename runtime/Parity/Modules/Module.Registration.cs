using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity;

// How a Parity module shows its variables to TorchSharp: each variable registered under its TF name,
// rebound when TorchSharp replaces the tensors (to(dtype)), and every accessor that would silently
// see nothing before the first call turned into an error that says so.
public abstract partial class Module<TIn, TOut> : IVariableOwner
{
    private readonly Dictionary<string, Variable> registered = new(StringComparer.Ordinal);
    private bool fieldsRegistered;
    private bool converting;

    /// <summary>Registers a variable on this module under its name: a parameter when it is trained, else a buffer.</summary>
    /// <param name="variable">The variable; the module keeps it registered when its value tensor is replaced.</param>
    /// <exception cref="InvalidOperationException">Another variable of this module already has that name.</exception>
    void IVariableOwner.Register(Variable variable) => RegisterVariable(variable);

    void IVariableOwner.RegisterLayer(string key, nn.Module layer) => RegisterChild(key, layer);

    /// <inheritdoc/>
    public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
    {
        RequireBuilt("named_parameters()");
        return base.named_parameters(recurse);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> parameters(bool recurse = true)
    {
        RequireBuilt("parameters()");
        return base.parameters(recurse);
    }

    /// <inheritdoc/>
    public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
    {
        RequireBuilt("named_buffers()");
        return base.named_buffers(recurse, include_nonpersistent);
    }

    /// <inheritdoc/>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
    {
        RequireBuilt("state_dict()");
        return base.state_dict(destination, prefix);
    }

    /// <inheritdoc/>
    public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
    {
        RequireBuilt("load_state_dict()");
        return base.load_state_dict(source, strict, skip);
    }

    /// <inheritdoc/>
    public override nn.Module load(BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
    {
        RequireBuilt("load()");
        return base.load(reader, strict, skip, loadedParameters);
    }

    /// <inheritdoc/>
    public override nn.Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
    {
        RequireBuilt("load()");
        return base.load(location, strict, skip, loadedParameters);
    }

    /// <summary>After TorchSharp replaced the registered tensors (<c>to(dtype)</c>), points each variable at its new tensor.</summary>
    /// <param name="dtype">The new element type, if any.</param>
    /// <param name="device">The new device, if any.</param>
    /// <param name="non_blocking">Passed through.</param>
    protected override void _toEpilog(ScalarType? dtype, Device? device, bool non_blocking)
    {
        RegisterFields();
        converting = true;
        try
        {
            base._toEpilog(dtype, device, non_blocking);
        }
        finally
        {
            converting = false;
        }

        lock (registered)
        {
            foreach (var (name, variable) in registered)
            {
                Tensor? current = get_parameter(name);
                current ??= get_buffer(name);
                if (current is not null)
                {
                    variable.Rebind(current);
                }
            }
        }
    }

    private void RequireBuilt(string operation)
    {
        if (converting)
        {
            return;
        }

        BuiltCheck.Require(this, $"{operation} of {Name}");
        RegisterFields();
    }

    private void RegisterVariable(Variable variable)
    {
        lock (registered)
        {
            if (registered.TryGetValue(variable.Name, out var existing))
            {
                if (ReferenceEquals(existing, variable))
                {
                    return;
                }

                throw new InvalidOperationException(
                    $"Module {Name} already has a variable named {variable.Name}; a second one cannot be registered under the same name. Give one of them another name or scope.");
            }

            registered.Add(variable.Name, variable);
            Bind(variable);
            variable.ValueReplaced += Bind;
        }
    }

    private void Bind(Variable variable)
    {
        var value = variable.Value;
        if (value is Parameter parameter)
        {
            ConditionallyRegisterParameter(variable.Name, parameter);
        }
        else
        {
            ConditionallyRegisterBuffer(variable.Name, value);
        }
    }

    private void RegisterChild(string key, nn.Module child)
    {
        foreach (var (_, existing) in named_children())
        {
            if (ReferenceEquals(existing, child))
            {
                return;
            }
        }

        // TorchSharp reserves '.' for paths into submodules.
        register_module(key.Replace('.', '_'), child);
    }

    /// <summary>
    /// Registers what the module holds in fields, once: TorchSharp's <c>RegisterComponents</c> for
    /// modules, parameters and tensors, then Parity variables and the modules and variables inside
    /// arrays, lists and dictionaries, which TorchSharp skips.
    /// </summary>
    private void RegisterFields()
    {
        if (fieldsRegistered)
        {
            return;
        }

        fieldsRegistered = true;
        RegisterComponents();
        foreach (var (name, value) in SublayerFields.ReadNamed(this))
        {
            switch (value)
            {
                case Variable variable:
                    RegisterVariable(variable);
                    break;
                case nn.Module child:
                    RegisterChild(name, child);
                    break;
            }
        }
    }
}
