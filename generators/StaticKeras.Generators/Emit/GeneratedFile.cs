using System;

namespace StaticKeras.Generators.Emit;

/// <summary>One emitted file.</summary>
/// <param name="HintName">Its name: <c>{FullyQualifiedMetadataName}.{Pass}.g.cs</c>.</param>
/// <param name="Text">Its source.</param>
/// <remarks>Equality: by value, so unchanged output is not re-added.</remarks>
internal sealed record GeneratedFile(string HintName, string Text) : IEquatable<GeneratedFile>;
