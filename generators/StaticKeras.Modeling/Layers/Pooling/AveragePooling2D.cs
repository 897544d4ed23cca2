namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[AveragePooling2D]</c> (keras/src/layers/pooling/average_pooling2d.py); see <see cref="PoolingLayer"/>.</summary>
internal sealed class AveragePooling2D : PoolingLayer
{
    public override string AttributeName => "StaticKeras.AveragePooling2DAttribute";

    public override string KerasClassName => "AveragePooling2D";

    protected override int SpatialAxes => 2;

    protected override bool IsMax => false;
}
