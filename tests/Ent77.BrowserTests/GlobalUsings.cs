global using System.Text.RegularExpressions;
global using Ent77.BrowserTests.Infrastructure;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
global using Ent77.TestSupport.Hosting;
global using Ent77.TestSupport.Mail;
