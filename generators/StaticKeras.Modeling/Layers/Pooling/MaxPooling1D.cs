namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[MaxPooling1D]</c> (keras/src/layers/pooling/max_pooling1d.py); see <see cref="PoolingLayer"/>.</summary>
internal sealed class MaxPooling1D : PoolingLayer
{
    public override string AttributeName => "StaticKeras.MaxPooling1DAttribute";

    public override string KerasClassName => "MaxPooling1D";

    protected override int SpatialAxes => 1;

    protected override bool IsMax => true;
}
