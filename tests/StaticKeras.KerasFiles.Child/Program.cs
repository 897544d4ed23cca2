using System;
using StaticKeras;
using StaticKeras.KerasFiles.Child;

// Usage: <backup folder> <weights out> <epoch to stall at, or -1>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: StaticKeras.KerasFiles.Child <backup folder> <weights out> <stall epoch or -1>");
    return 2;
}

var backup = new BackupAndRestore(args[0]);
int stall = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
CheckpointMlp model = stall >= 0 ? CheckpointTraining.Train(backup, new StallAt(stall)) : CheckpointTraining.Train(backup);
model.SaveWeights(args[1]);
Console.WriteLine("RESUMED AT " + (backup.RestoredEpoch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
return 0;
