using System;
using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary>Splits samples into training and test parts, as scikit-learn's <c>train_test_split</c>.</summary>
public static class DataSplit
{
    /// <summary>
    /// scikit-learn's <c>train_test_split(x, y, test_size, random_state, shuffle, stratify=y)</c>
    /// (sklearn/model_selection/_split.py): <c>ceil(testSize · n)</c> samples go to the test part,
    /// the rest to training. Shuffled with <paramref name="seed"/> (the same seed gives the same
    /// split; the draws are StaticKeras's own, so the rows differ from scikit-learn's). With
    /// <paramref name="stratify"/>, each class gets its share of both parts (largest remainders, as
    /// scikit-learn's <c>_approximate_mode</c>), so class proportions survive the split.
    /// </summary>
    /// <param name="x">Samples, row-major: n × the features per sample.</param>
    /// <param name="y">Targets: n labels (class ids or values), or n × k one-hot rows.</param>
    /// <param name="testSize">The fraction of samples for the test part, in (0, 1).</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="stratify">Keep each class's proportion in both parts (the class is the label, or the argmax of a one-hot row).</param>
    /// <param name="shuffle">False to take the last samples as the test part, in order (no stratification then).</param>
    /// <param name="samples">The sample count n; by default <c>y.Length</c> (one label per sample).</param>
    /// <returns>Training and test features, then training and test targets (scikit-learn's order).</returns>
    /// <exception cref="ArgumentException">The sizes do not agree, the fraction leaves a part empty, or stratification is asked without shuffling.</exception>
    public static (float[] XTrain, float[] XTest, float[] YTrain, float[] YTest) TrainTestSplit(
        float[] x, float[] y, double testSize = 0.25, int seed = 0, bool stratify = false, bool shuffle = true, int? samples = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = samples ?? y.Length;
        if (n <= 0 || x.Length % n != 0 || y.Length % n != 0)
        {
            throw new ArgumentException($"x has {x.Length} values and y {y.Length}; neither splits into {n} samples. Pass samples: n when y holds several values per sample.", nameof(samples));
        }

        int nTest = (int)Math.Ceiling(testSize * n);
        if (!(testSize > 0 && testSize < 1) || nTest >= n)
        {
            throw new ArgumentException($"testSize must be in (0, 1) and leave both parts non-empty; got {testSize} for {n} samples ({nTest} for the test part).", nameof(testSize));
        }

        if (stratify && !shuffle)
        {
            throw new ArgumentException("Stratified splits shuffle (as scikit-learn's); pass shuffle: true or stratify: false.", nameof(stratify));
        }

        (int[] train, int[] test) = !shuffle ? InOrder(n, nTest)
            : stratify ? Stratified(Classes(y, n), nTest, new SeededRandom((ulong)(uint)seed))
            : Shuffled(n, nTest, new SeededRandom((ulong)(uint)seed));
        int xWidth = x.Length / n, yWidth = y.Length / n;
        return (Gather(x, train, xWidth), Gather(x, test, xWidth), Gather(y, train, yWidth), Gather(y, test, yWidth));
    }

    /// <summary><see cref="TrainTestSplit(float[], float[], double, int, bool, bool, int?)"/> with class ids.</summary>
    public static (float[] XTrain, float[] XTest, int[] YTrain, int[] YTest) TrainTestSplit(
        float[] x, int[] y, double testSize = 0.25, int seed = 0, bool stratify = false, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(y);
        var (xTrain, xTest, yTrain, yTest) = TrainTestSplit(x, Array.ConvertAll(y, v => (float)v), testSize, seed, stratify, shuffle);
        return (xTrain, xTest, Array.ConvertAll(yTrain, v => (int)v), Array.ConvertAll(yTest, v => (int)v));
    }

    private static (int[] Train, int[] Test) InOrder(int n, int nTest)
    {
        int[] all = Range(n);
        return (all[..(n - nTest)], all[(n - nTest)..]);
    }

    private static (int[] Train, int[] Test) Shuffled(int n, int nTest, SeededRandom random)
    {
        int[] order = Range(n);
        random.Shuffle(order);
        return (order[nTest..], order[..nTest]);
    }

    /// <summary>
    /// Each class gives <c>floor(count · nTrain / n)</c> samples to training, the classes with the
    /// largest remainders one more until the training part is full; the rest of each class is test.
    /// </summary>
    private static (int[] Train, int[] Test) Stratified(double[] classes, int nTest, SeededRandom random)
    {
        int n = classes.Length;
        var members = new SortedDictionary<double, List<int>>();
        for (int i = 0; i < n; i++)
        {
            if (!members.TryGetValue(classes[i], out List<int>? list))
            {
                members[classes[i]] = list = new List<int>();
            }

            list.Add(i);
        }

        var groups = new List<List<int>>(members.Values);
        int nTrain = n - nTest;
        var share = new int[groups.Count];
        var remainders = new List<(double Remainder, int Group)>();
        int given = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            double exact = (double)groups[g].Count * nTrain / n;
            share[g] = (int)Math.Floor(exact);
            given += share[g];
            remainders.Add((exact - share[g], g));
        }

        remainders.Sort((a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Group.CompareTo(b.Group));
        for (int k = 0; given < nTrain; k++, given++)
        {
            share[remainders[k].Group]++;
        }

        var train = new List<int>(nTrain);
        var test = new List<int>(nTest);
        for (int g = 0; g < groups.Count; g++)
        {
            int[] group = groups[g].ToArray();
            random.Shuffle(group);
            train.AddRange(group[..share[g]]);
            test.AddRange(group[share[g]..]);
        }

        int[] trainOrder = train.ToArray(), testOrder = test.ToArray();
        random.Shuffle(trainOrder);
        random.Shuffle(testOrder);
        return (trainOrder, testOrder);
    }

    /// <summary>The class of each sample: its label, or the argmax of its one-hot row.</summary>
    private static double[] Classes(float[] y, int n)
    {
        int width = y.Length / n;
        var classes = new double[n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> row = y.AsSpan(i * width, width);
            int best = 0;
            for (int j = 1; j < width; j++)
            {
                best = row[j] > row[best] ? j : best;
            }

            classes[i] = width == 1 ? row[0] : best;
        }

        return classes;
    }

    private static float[] Gather(float[] values, int[] rows, int width)
    {
        var result = new float[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
        {
            values.AsSpan(rows[i] * width, width).CopyTo(result.AsSpan(i * width, width));
        }

        return result;
    }

    private static int[] Range(int n)
    {
        var values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i;
        }

        return values;
    }
}
