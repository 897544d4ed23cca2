using System;
using System.Linq;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// A tensor shape without its batch dimension (the only runtime dimension); Keras writes it with
/// a leading <c>None</c>.
/// </summary>
/// <remarks>Equality: element-wise on <see cref="Dims"/>.</remarks>
internal readonly record struct Shape(EquatableArray<int> Dims)
{
    public static Shape Of(params int[] dims) => new(EquatableArray.Create(dims));

    public int Rank => Dims.Count;

    public int this[int axis] => Dims[axis];

    /// <summary>The last dimension (the features axis of Dense, the channels of an image).</summary>
    public int Last => Dims[Dims.Count - 1];

    /// <summary>Elements per sample: the product of the dimensions (checked; 0 if it overflows int).</summary>
    public int Size
    {
        get
        {
            long size = 1;
            foreach (int d in Dims)
            {
                size *= d;
                if (size > int.MaxValue || size < 0)
                {
                    return 0;
                }
            }

            return (int)size;
        }
    }

    /// <summary>True when every dimension is positive and the size fits an int.</summary>
    public bool IsValid => Dims.All(d => d > 0) && Size > 0;

    /// <summary>This shape with its last dimension replaced.</summary>
    public Shape WithLast(int last)
    {
        int[] dims = Dims.ToArray();
        dims[dims.Length - 1] = last;
        return Of(dims);
    }

    /// <summary>Keras's notation with the batch: <c>(None, 28, 28, 1)</c>.</summary>
    public override string ToString() => "(None" + string.Concat(Dims.Select(d => ", " + d)) + ")";

    /// <summary>The shape as an argument list without the batch: <c>(28, 28, 1)</c>.</summary>
    public string ToStringWithoutBatch() => "(" + string.Join(", ", Dims) + (Rank == 1 ? ",)" : ")");
}
