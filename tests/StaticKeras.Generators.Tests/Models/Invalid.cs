using StaticKeras;

namespace Demo;

/// <summary>A shape error: the generator emits members that compile, and the analyzer reports SK1001.</summary>
[Input(2, Name = "x")]
[Dense(3, Name = "p")]
[Add("x", "p")]
public partial class Invalid;
