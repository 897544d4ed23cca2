using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// Every StaticKeras diagnostic. SK1xxx: shapes; SK2xxx: declarations; SK3xxx: usage. Messages
/// come from the shared shape inference (naming the layer, the shapes and the fix), so the
/// format here is the message itself.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Shapes = "StaticKeras.Shapes";
    private const string Declaration = "StaticKeras.Declaration";
    private const string Usage = "StaticKeras.Usage";
    private const string HelpRoot = "https://github.com/statickeras/statickeras/blob/main/analyzers/docs/";

    public static readonly DiagnosticDescriptor MergeShapeMismatch = Error("SK1001", "Merged layers have different shapes", Shapes);
    public static readonly DiagnosticDescriptor ConcatenateShapeMismatch = Error("SK1002", "Concatenated layers differ off the concatenation axis", Shapes);
    public static readonly DiagnosticDescriptor ReshapeSizeMismatch = Error("SK1003", "Reshape changes the number of values per sample", Shapes);
    public static readonly DiagnosticDescriptor IncompatibleInput = Error("SK1004", "Layer gets an input of a rank or size it cannot take", Shapes);
    public static readonly DiagnosticDescriptor NonPositiveDimension = Error("SK1005", "Layer output has a dimension below 1", Shapes);
    public static readonly DiagnosticDescriptor TooLarge = Error("SK1006", "Model is too large for .NET arrays", Shapes);

    public static readonly DiagnosticDescriptor InvalidHyperparameter = Error("SK2001", "Layer argument out of range", Declaration);
    public static readonly DiagnosticDescriptor UnknownInput = Error("SK2002", "Layer reads a name no layer has", Declaration);
    public static readonly DiagnosticDescriptor DuplicateName = Error("SK2003", "Two layers have the same name", Declaration);
    public static readonly DiagnosticDescriptor Cycle = Error("SK2004", "Layers read each other in a cycle", Declaration);
    public static readonly DiagnosticDescriptor NoInput = Error("SK2005", "Model has no [Input]", Declaration);
    public static readonly DiagnosticDescriptor UnusedLayer = Error("SK2006", "Layer output is never used", Declaration);
    public static readonly DiagnosticDescriptor WrongInputCount = Error("SK2007", "Merge layer needs two or more inputs", Declaration);
    public static readonly DiagnosticDescriptor MissingInput = Error("SK2008", "First layer has no input", Declaration);
    public static readonly DiagnosticDescriptor UnknownLayer = Error("SK2009", "Attribute is not a StaticKeras layer", Declaration);
    public static readonly DiagnosticDescriptor InvalidModule = Error("SK2016", "Type does not implement the StaticKeras contract it is used for", Declaration);
    public static readonly DiagnosticDescriptor KerasFileUnreadable = Error("SK2017", "The Keras file of a [KerasModel] is missing or unreadable", Declaration);
    public static readonly DiagnosticDescriptor KerasFileUnsupported = Error("SK2018", "The Keras file of a [KerasModel] has a layer or argument StaticKeras cannot express", Declaration);
    public static readonly DiagnosticDescriptor NotPartial = Error("SK2010", "Model class must be partial", Declaration);
    public static readonly DiagnosticDescriptor Generic = Error("SK2011", "Model class cannot be generic", Declaration);
    public static readonly DiagnosticDescriptor UnsupportedNesting = Error("SK2012", "Model class is nested in a type that cannot be extended", Declaration);
    public static readonly DiagnosticDescriptor LayersInSeveralParts = Error("SK2013", "Layers are declared in more than one partial part", Declaration);
    public static readonly DiagnosticDescriptor HasBaseClass = Error("SK2014", "Model class cannot have a base class", Declaration);
    public static readonly DiagnosticDescriptor UnsupportedKind = Error("SK2015", "Model must be a plain class", Declaration);

    public static readonly DiagnosticDescriptor LogitsLossOnProbabilities = Error("SK3001", "Loss expects logits but the model outputs probabilities", Usage);
    public static readonly DiagnosticDescriptor InputNotWholeSamples = Error("SK3002", "Input array is not a whole number of samples", Usage);
    public static readonly DiagnosticDescriptor LabelsDoNotFit = Error("SK3003", "Labels cannot match the model's output for this loss", Usage);
    public static readonly DiagnosticDescriptor NotExportable = Warning("SK3004", "Model has a layer ONNX cannot express", Usage);

    /// <summary>The descriptor of an error shape inference found.</summary>
    public static DiagnosticDescriptor For(ErrorKind kind) => kind switch
    {
        ErrorKind.MergeShapeMismatch => MergeShapeMismatch,
        ErrorKind.ConcatenateShapeMismatch => ConcatenateShapeMismatch,
        ErrorKind.ReshapeSizeMismatch => ReshapeSizeMismatch,
        ErrorKind.IncompatibleInput => IncompatibleInput,
        ErrorKind.NonPositiveDimension => NonPositiveDimension,
        ErrorKind.TooLarge => TooLarge,
        ErrorKind.InvalidHyperparameter => InvalidHyperparameter,
        ErrorKind.UnknownInput => UnknownInput,
        ErrorKind.DuplicateName => DuplicateName,
        ErrorKind.Cycle => Cycle,
        ErrorKind.NoInput => NoInput,
        ErrorKind.UnusedLayer => UnusedLayer,
        ErrorKind.WrongInputCount => WrongInputCount,
        ErrorKind.MissingInput => MissingInput,
        ErrorKind.InvalidModule => InvalidModule,
        _ => UnknownLayer,
    };

    private static DiagnosticDescriptor Error(string id, string title, string category) =>
        new(id, title, "{0}", category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    private static DiagnosticDescriptor Warning(string id, string title, string category) =>
        new(id, title, "{0}", category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
