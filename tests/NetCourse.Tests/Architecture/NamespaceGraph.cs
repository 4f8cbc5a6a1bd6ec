using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NetCourse.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled metadata (System.Reflection.Metadata): base
/// types, interfaces, attributes, field, method, property and local signatures, generic arguments and constraints,
/// and every type, method and field token in the method bodies. What the compiler emitted, not what the source says.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private readonly MetadataReader _metadata;
    private readonly PEReader _pe;
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(PEReader pe)
    {
        _pe = pe;
        _metadata = pe.GetMetadataReader();
    }

    /// <summary>Each namespace (with a prefix) to the namespaces (with the same prefix) it uses, with one example each.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    /// <summary>Reads the namespaces of <paramref name="assemblyPath"/> that start with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var graph = new NamespaceGraph(pe);
        graph.ReadAll(prefix);
        return graph;
    }

    private void ReadAll(string prefix)
    {
        foreach (var handle in _metadata.TypeDefinitions)
        {
            var from = NamespaceOf(handle);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var type = _metadata.GetTypeDefinition(handle);
            var where = TypeName(handle);
            var found = new Collector(this);
            found.Entity(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations())
                found.Entity(_metadata.GetInterfaceImplementation(i).Interface);
            found.Attributes(type.GetCustomAttributes());
            found.Constraints(type.GetGenericParameters());
            foreach (var f in type.GetFields())
            {
                var field = _metadata.GetFieldDefinition(f);
                field.DecodeSignature(found, null);
                found.Attributes(field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties())
                _metadata.GetPropertyDefinition(p).DecodeSignature(found, null);
            foreach (var e in type.GetEvents())
                found.Entity(_metadata.GetEventDefinition(e).Type);
            foreach (var m in type.GetMethods())
            {
                var method = _metadata.GetMethodDefinition(m);
                method.DecodeSignature(found, null);
                found.Attributes(method.GetCustomAttributes());
                found.Constraints(method.GetGenericParameters());
                foreach (var p in method.GetParameters())
                    found.Attributes(_metadata.GetParameter(p).GetCustomAttributes());
                if (method.RelativeVirtualAddress != 0)
                    found.Body(_pe.GetMethodBody(method.RelativeVirtualAddress));
            }
            foreach (var to in found.Namespaces)
            {
                if (to == from || !to.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                if (!_edges.TryGetValue(from, out var targets))
                    _edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                targets.TryAdd(to, where);
            }
        }
    }

    private string NamespaceOf(TypeDefinitionHandle handle)
    {
        var type = _metadata.GetTypeDefinition(handle);
        while (type.IsNested)
            type = _metadata.GetTypeDefinition(type.GetDeclaringType());
        return _metadata.GetString(type.Namespace);
    }

    private string NamespaceOf(TypeReferenceHandle handle)
    {
        var type = _metadata.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
            type = _metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        return _metadata.GetString(type.Namespace);
    }

    private string TypeName(TypeDefinitionHandle handle)
    {
        var type = _metadata.GetTypeDefinition(handle);
        var name = _metadata.GetString(type.Name);
        while (type.IsNested)
        {
            type = _metadata.GetTypeDefinition(type.GetDeclaringType());
            name = _metadata.GetString(type.Name) + "+" + name;
        }
        return _metadata.GetString(type.Namespace) + "." + name;
    }

    /// <summary>Collects the namespaces a type's signatures and bodies name; the decoded "type" itself is unused.</summary>
    private sealed class Collector(NamespaceGraph graph) : ISignatureTypeProvider<object?, object?>
    {
        private readonly MetadataReader _metadata = graph._metadata;

        private readonly HashSet<TypeSpecificationHandle> _specifications = [];

        public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

        public void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
                return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Namespaces.Add(graph.NamespaceOf((TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeReference:
                    Namespaces.Add(graph.NamespaceOf((TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification when _specifications.Add((TypeSpecificationHandle)handle):
                    _metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = _metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                    Entity(method.GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Entity(_metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                        member.DecodeMethodSignature(this, null);
                    else
                        member.DecodeFieldSignature(this, null);
                    break;
                case HandleKind.MethodSpecification:
                    var specification = _metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = _metadata.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
                        signature.DecodeLocalSignature(this, null);
                    else
                        signature.DecodeMethodSignature(this, null);
                    break;
            }
        }

        public void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
                Entity(_metadata.GetCustomAttribute(a).Constructor);
        }

        public void Constraints(GenericParameterHandleCollection parameters)
        {
            foreach (var p in parameters)
                foreach (var c in _metadata.GetGenericParameter(p).GetConstraints())
                    Entity(_metadata.GetGenericParameterConstraint(c).Type);
        }

        public void Body(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil)
                Entity(body.LocalSignature);
            foreach (var region in body.ExceptionRegions)
                Entity(region.CatchType);
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                    code = (short)(0xFE00 | il.ReadByte());
                switch (OperandTypes[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok
                        or OperandType.InlineType or OperandType.InlineSig:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString
                        or OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                }
            }
        }

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return null;
        }

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return null;
        }

        public object? GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return null;
        }

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;
        public object? GetByReferenceType(object? elementType) => null;
        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;
        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;
        public object? GetGenericMethodParameter(object? genericContext, int index) => null;
        public object? GetGenericTypeParameter(object? genericContext, int index) => null;
        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
        public object? GetPinnedType(object? elementType) => null;
        public object? GetPointerType(object? elementType) => null;
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public object? GetSZArrayType(object? elementType) => null;
    }
}
