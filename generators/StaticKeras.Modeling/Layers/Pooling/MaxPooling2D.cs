namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[MaxPooling2D]</c> (keras/src/layers/pooling/max_pooling2d.py); see <see cref="PoolingLayer"/>.</summary>
internal sealed class MaxPooling2D : PoolingLayer
{
    public override string AttributeName => "StaticKeras.MaxPooling2DAttribute";

    public override string KerasClassName => "MaxPooling2D";

    protected override int SpatialAxes => 2;

    protected override bool IsMax => true;
}
