namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[GlobalMaxPooling2D]</c> (keras/src/layers/pooling/global_max_pooling2d.py); see <see cref="GlobalPoolingLayer"/>.</summary>
internal sealed class GlobalMaxPooling2D : GlobalPoolingLayer
{
    public override string AttributeName => "StaticKeras.GlobalMaxPooling2DAttribute";

    public override string KerasClassName => "GlobalMaxPooling2D";

    protected override int SpatialAxes => 2;

    protected override bool IsMax => true;
}
