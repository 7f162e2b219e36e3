namespace Ent77.Application.Administration.SchoolExports;

/// <summary>The three national exports, told apart by their root element.</summary>
public enum ExportFileKind
{
    /// <summary>SIECLE BEE students, root <c>BEE_ELEVES</c> (ElevesSansAdresses.xml, ElevesAvecAdresses.xml).</summary>
    Students,

    /// <summary>SIECLE BEE guardians, root <c>BEE_RESPONSABLES</c> (ResponsablesSansAdresses.xml, ResponsablesAvecAdresses.xml).</summary>
    Guardians,

    /// <summary>STS-Web staff, root <c>STS_EDT</c> (sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml).</summary>
    Staff,
}
