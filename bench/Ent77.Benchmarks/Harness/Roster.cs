using System.Globalization;
using System.Text;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// Realistic French rosters: first and last names drawn with a Zipf-like frequency (the common ones come back
/// very often, so identifiers collide as they do in a real département: <c>lucas.martin</c>, <c>lucas.martin2</c>…),
/// with accents, ligatures, apostrophes, particles and compound names; students, parents, teachers and staff in
/// the proportions of a secondary school; classes, birth dates and unique external ids (INE-like). Seeded.
/// </summary>
internal static class Roster
{
    public const string Header = "Nom;Prénom;Profil;Classe;Date de naissance;Identifiant externe";

    private static readonly string[] FirstNames =
    [
        "Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Maël", "Lucas", "Hugo", "Noah", "Liam", "Gabin", "Sacha",
        "Paul", "Nathan", "Aaron", "Mohamed", "Ethan", "Tom", "Éden", "Léon", "Noé", "Tiago", "Théo", "Isaac", "Marius", "Victor",
        "Ayden", "Martin", "Naël", "Mathis", "Axel", "Robin", "Timéo", "Enzo", "Marceau", "Valentin", "Nino", "Eliott", "Nolan",
        "Malo", "Milo", "Antoine", "Samuel", "Augustin", "Amir", "Lyam", "Rayan", "Yanis", "Ibrahim", "Gaspard", "Sohan", "Clément",
        "Baptiste", "Maxime", "Ismaël", "Évan", "Côme", "Alexandre", "Jean-Baptiste", "Pierre-Louis", "François", "Benoît", "Jérôme",
        "Jade", "Louise", "Emma", "Ambre", "Alice", "Rose", "Anna", "Alba", "Romy", "Mia", "Lina", "Léna", "Mila", "Julia", "Chloé",
        "Inès", "Léa", "Iris", "Agathe", "Jeanne", "Zoé", "Lou", "Adèle", "Juliette", "Manon", "Camille", "Lucie", "Sarah", "Éva",
        "Nina", "Charlotte", "Margaux", "Clémence", "Léonie", "Maëlys", "Anaïs", "Noémie", "Héloïse", "Gaëlle", "Océane", "Maëlle",
        "Marie-Claire", "Anne-Sophie", "Marie", "Élise", "Capucine", "Joséphine", "Apolline", "Cécile", "Hélène", "Sophie",
        "Nathalie", "Isabelle", "Sandrine", "Valérie", "Stéphanie", "Christophe", "Sébastien", "Frédéric", "Stéphane", "Laurent",
        "Nicolas", "Olivier", "Thierry", "Philippe", "Éric", "David", "Karim", "Fatima", "Aïcha", "Yasmine", "Mamadou", "Aminata",
        "Nguyen", "Thi", "Chloë", "Zoë", "Noël", "Anaëlle", "Loïc", "Gaël", "Maïwenn", "Ségolène", "Aurélien", "Rémi", "Grégoire",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefèbvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
        "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
        "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine",
        "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
        "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
        "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard",
        "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost",
        "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier",
        "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier",
        "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin",
        "Da Silva", "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
        "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
        "N'Diaye", "Diallo", "Traoré", "Nguyen", "Tran", "Benali", "Haddad", "Dos Santos", "de La Fontaine", "D'Almeida",
        "Saint-Martin", "Le Bihan", "Œuvrard", "Lætitia-Bœuf", "Müller", "Kowalski", "Ben Youssef", "El Amrani", "O'Neill",
        "Dupont-Aignan", "Pérez-Garcia", "Van der Berg", "Lefebvre-Martin", "Château", "Brûlé", "Crépin", "Jégou", "Abélard",
    ];

    /// <summary>
    /// Frequencies: with these lists the most common first name is about 2 % of people and the most common surname
    /// about 3 % (real French figures are nearer 1.5 % and 0.4 %: the lists are short), so identifiers collide more
    /// than in reality: the most common pair comes back about 60 times in 100,000 rows.
    /// </summary>
    private const double FirstNameExponent = 0.3;
    private const double LastNameExponent = 0.5;
    private const int DoubleBarrelledPercent = 12;

    private static readonly string[] Divisions = ["6e", "5e", "4e", "3e", "2de", "1re", "Tle"];

    public static string Generate(int rows, int seed = 77, string externalIdSuffix = "BN")
    {
        var random = new Random(seed);
        var firstWeights = Cumulative(FirstNames.Length, FirstNameExponent);
        var lastWeights = Cumulative(LastNames.Length, LastNameExponent);
        var csv = new StringBuilder(rows * 64);
        csv.Append(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var first = FirstNames[Pick(random, firstWeights)];
            var last = LastNames[Pick(random, lastWeights)];
            if (random.Next(100) < DoubleBarrelledPercent)
            {
                last = $"{last}-{LastNames[Pick(random, lastWeights)]}"; // double-barrelled, common since 2005
            }

            var roll = random.Next(100);
            var (profile, className, birthYear) = roll switch
            {
                < 60 => ("Élève", $"{Divisions[random.Next(Divisions.Length)]} {(char)('A' + random.Next(8))}", 2008 + random.Next(8)),
                < 90 => (random.Next(4) == 0 ? "Responsable légal" : "Parent", (string?)null, 1968 + random.Next(25)),
                < 97 => ("Enseignant", null, 1960 + random.Next(40)),
                _ => ("Personnel", null, 1960 + random.Next(40)),
            };
            var birth = new DateOnly(birthYear, 1 + random.Next(12), 1 + random.Next(28));
            csv.Append(last).Append(';').Append(first).Append(';').Append(profile).Append(';').Append(className).Append(';')
                .Append(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append(CultureInfo.InvariantCulture, $"{i:000000000}{externalIdSuffix}").Append("\r\n");
        }

        return csv.ToString();
    }

    public static byte[] GenerateUtf8(int rows, int seed = 77, string externalIdSuffix = "BN") => new UTF8Encoding(false).GetBytes(Generate(rows, seed, externalIdSuffix));

    private static double[] Cumulative(int count, double exponent)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1 / Math.Pow(i + 1, exponent);
            weights[i] = sum;
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] /= sum;
        }

        return weights;
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
