global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.AspNetCore.Http.Features;
