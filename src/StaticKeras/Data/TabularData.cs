using System;
using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary>
/// A table of samples: <see cref="Count"/> rows of <see cref="FeatureCount"/> float features
/// (row-major, the layout <c>Fit</c> takes) and one label per row. Class labels are ids
/// <c>0..k−1</c> into <see cref="ClassNames"/>; regression labels are the values themselves and
/// <see cref="ClassNames"/> is empty.
/// </summary>
public sealed class TabularData
{
    /// <summary>Creates a table, checking that the arrays agree.</summary>
    /// <param name="features">Row-major features, <c>count × featureNames.Count</c>.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="featureNames">The features' names (a CSV header, or <c>feature_0</c>, ...).</param>
    /// <param name="classNames">The classes' names, by id; empty for regression labels.</param>
    /// <exception cref="ArgumentException">The lengths do not agree; the message gives both.</exception>
    public TabularData(float[] features, float[] labels, IReadOnlyList<string> featureNames, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0 || features.Length != (long)labels.Length * featureNames.Count)
        {
            throw new ArgumentException($"{labels.Length} labels and {featureNames.Count} features need {(long)labels.Length * featureNames.Count} feature values, but {features.Length} were given.", nameof(features));
        }

        Features = features;
        Labels = labels;
        FeatureNames = featureNames;
        ClassNames = classNames ?? [];
    }

    /// <summary>The features, row-major: <see cref="Count"/> × <see cref="FeatureCount"/>.</summary>
    public float[] Features { get; }

    /// <summary>One label per row: a class id, or a regression target.</summary>
    public float[] Labels { get; }

    /// <summary>The features' names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The classes' names, by id; empty when the labels are regression targets.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Rows.</summary>
    public int Count => Labels.Length;

    /// <summary>Features per row.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>The labels as class ids, for <c>Fit(x, int[] y)</c> with sparse losses.</summary>
    /// <exception cref="InvalidOperationException">A label is not a whole number.</exception>
    public int[] ClassIds()
    {
        var ids = new int[Labels.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            float label = Labels[i];
            if (label != MathF.Floor(label) || label < 0)
            {
                throw new InvalidOperationException($"Label {i} is {label}, not a class id (a whole number from 0); these labels are regression targets.");
            }

            ids[i] = (int)label;
        }

        return ids;
    }

    /// <summary>Rows per class id (index = id), for class weights and stratification checks.</summary>
    public int[] ClassCounts()
    {
        int[] ids = ClassIds();
        int classes = Math.Max(ClassNames.Count, ids.Length == 0 ? 0 : MaxPlusOne(ids));
        var counts = new int[classes];
        foreach (int id in ids)
        {
            counts[id]++;
        }

        return counts;
    }

    /// <summary>
    /// scikit-learn's <c>train_test_split</c> on this table: a seeded shuffle, <paramref name="testSize"/>
    /// of the rows (rounded up) for the test part, by class when <paramref name="stratify"/>.
    /// </summary>
    /// <inheritdoc cref="DataSplit.TrainTestSplit(float[], float[], double, int, bool, bool, int?)"/>
    public (TabularData Train, TabularData Test) TrainTestSplit(double testSize = 0.25, int seed = 0, bool stratify = false, bool shuffle = true)
    {
        (float[] xTrain, float[] xTest, float[] yTrain, float[] yTest) = DataSplit.TrainTestSplit(Features, Labels, testSize, seed, stratify, shuffle);
        return (new TabularData(xTrain, yTrain, FeatureNames, ClassNames), new TabularData(xTest, yTest, FeatureNames, ClassNames));
    }

    /// <summary>Deconstructs into features and labels: <c>var (x, y) = data;</c>.</summary>
    public void Deconstruct(out float[] features, out float[] labels)
    {
        features = Features;
        labels = Labels;
    }

    private static int MaxPlusOne(int[] ids)
    {
        int max = 0;
        foreach (int id in ids)
        {
            max = Math.Max(max, id);
        }

        return max + 1;
    }
}
