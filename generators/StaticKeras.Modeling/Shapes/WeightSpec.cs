using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>One weight tensor of a layer, in Keras's order and layout.</summary>
/// <param name="Name">Keras's name for it (<c>kernel</c>, <c>bias</c>).</param>
/// <param name="Dims">Its shape in Keras's layout (Dense kernel <c>(in, units)</c>).</param>
/// <param name="Initializer">The Keras initializer name (<c>glorot_uniform</c>, <c>zeros</c>).</param>
/// <param name="FanIn">Fan-in for variance-scaling initializers.</param>
/// <param name="FanOut">Fan-out for variance-scaling initializers.</param>
/// <param name="Trainable">False for state such as moving averages.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record WeightSpec(string Name, EquatableArray<int> Dims, string Initializer, int FanIn, int FanOut, bool Trainable = true)
{
    public int Size => new Shape(Dims).Size;
}
