namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// What shape inference found wrong. The analyzers map each kind to one SKnnnn diagnostic; the
/// generator only checks whether there are any.
/// </summary>
internal enum ErrorKind
{
    // Shapes (SK1xxx).
    MergeShapeMismatch,
    ConcatenateShapeMismatch,
    ReshapeSizeMismatch,
    IncompatibleInput,
    NonPositiveDimension,
    TooLarge,

    // Declaration (SK2xxx).
    InvalidHyperparameter,
    UnknownInput,
    DuplicateName,
    Cycle,
    NoInput,
    UnusedLayer,
    WrongInputCount,
    MissingInput,
    UnknownLayer,

    /// <summary>A user type named by a layer or argument does not implement StaticKeras's contract for it (SK2016).</summary>
    InvalidModule,
}

/// <summary>
/// One problem in a model, tied to the layer attribute (and argument) at fault.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="LayerIndex">The index of the layer attribute at fault, or -1 for the model as a whole (reported on the class name).</param>
/// <param name="Argument">The PascalCase argument at fault (<c>Units</c>, <c>Inputs</c>), or null for the whole attribute.</param>
/// <param name="Message">A complete sentence for the user: the layer, the expected and actual shape or value, and the fix.</param>
/// <param name="ArgumentPosition">For array arguments (<c>Inputs</c>), the element at fault, or -1.</param>
/// <param name="Fix">
/// The mechanical fix when there is one, for code fixes: the closest existing name for an unknown
/// input, or the layer type to insert before the layer at fault (<c>Flatten</c>).
/// </param>
/// <remarks>Equality: by value. Holds no location; the analyzer maps the index back to syntax.</remarks>
internal sealed record ModelError(ErrorKind Kind, int LayerIndex, string? Argument, string Message, int ArgumentPosition = -1, string? Fix = null);
