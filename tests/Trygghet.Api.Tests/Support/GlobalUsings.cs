global using Trygghet.Api.Tests.Support;
