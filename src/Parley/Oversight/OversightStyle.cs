namespace Parley.Oversight;

internal static class OversightStyle
{
    public const string Css = """
        body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:1180px;padding:0 1rem;line-height:1.4}
        h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;border-bottom:2px solid #1f5fa8;padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.period{color:#555;margin:0}
        table{border-collapse:collapse;margin:.4rem 1.2rem .6rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .55rem;text-align:left}
        th{background:#eef3f9}td{font-variant-numeric:tabular-nums}.row{display:flex;flex-wrap:wrap;align-items:flex-start}
        .charts{display:flex;flex-wrap:wrap;gap:.8rem}figure{margin:0;border:1px solid #e3e3e3}.empty{color:#777;font-style:italic}
        .defs{font-size:.85rem;color:#444}
        @media print{body{margin:0}section{break-inside:avoid}}
        """;
}
