namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[GlobalMaxPooling1D]</c> (keras/src/layers/pooling/global_max_pooling1d.py); see <see cref="GlobalPoolingLayer"/>.</summary>
internal sealed class GlobalMaxPooling1D : GlobalPoolingLayer
{
    public override string AttributeName => "StaticKeras.GlobalMaxPooling1DAttribute";

    public override string KerasClassName => "GlobalMaxPooling1D";

    protected override int SpatialAxes => 1;

    protected override bool IsMax => true;
}
