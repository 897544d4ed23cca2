namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[AveragePooling1D]</c> (keras/src/layers/pooling/average_pooling1d.py); see <see cref="PoolingLayer"/>.</summary>
internal sealed class AveragePooling1D : PoolingLayer
{
    public override string AttributeName => "StaticKeras.AveragePooling1DAttribute";

    public override string KerasClassName => "AveragePooling1D";

    protected override int SpatialAxes => 1;

    protected override bool IsMax => false;
}
