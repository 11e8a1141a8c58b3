using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("OneStop.Legacy.Tests")]
