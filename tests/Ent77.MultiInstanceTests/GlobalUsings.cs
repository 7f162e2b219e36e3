global using Ent77.MultiInstanceTests.Infrastructure;
global using Ent77.TestSupport.Databases;
global using Ent77.TestSupport.Hosting;
global using System.Text.RegularExpressions;
global using static Ent77.TestSupport.Eventually;
