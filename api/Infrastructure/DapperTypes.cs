using System.Data;
using Dapper;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Times cross the database boundary as UTC instants (PostgreSQL <c>timestamptz</c> accepts only offset 0 from
/// Npgsql), whatever offset the caller sent; dates come back as <see cref="DateOnly"/>.
/// </summary>
public static class DapperTypes
{
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcInstant());
        SqlMapper.AddTypeHandler(new Date());
    }

    private sealed class UtcInstant : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
        };
    }

    private sealed class Date : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };
    }
}
