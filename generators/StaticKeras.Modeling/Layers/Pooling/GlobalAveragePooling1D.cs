namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[GlobalAveragePooling1D]</c> (keras/src/layers/pooling/global_average_pooling1d.py); see <see cref="GlobalPoolingLayer"/>.</summary>
internal sealed class GlobalAveragePooling1D : GlobalPoolingLayer
{
    public override string AttributeName => "StaticKeras.GlobalAveragePooling1DAttribute";

    public override string KerasClassName => "GlobalAveragePooling1D";

    protected override int SpatialAxes => 1;

    protected override bool IsMax => false;
}
