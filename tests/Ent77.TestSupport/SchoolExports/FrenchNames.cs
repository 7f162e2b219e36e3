namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// Names for generated exports: French first names with accents, diaereses and hyphens; family names with accents,
/// ligatures (œ, æ: ISO-8859-15 has both), apostrophes, particles and compound names, as the national tools hold
/// them. The generator writes family names in capitals (« LEFÈVRE », « N'DIAYE », « ŒUVRARD »).
/// </summary>
internal static class FrenchNames
{
    public static readonly string[] Girls =
    [
        "Jade", "Louise", "Emma", "Ambre", "Alice", "Rose", "Anna", "Alba", "Romy", "Mia", "Lina", "Léna", "Mila", "Julia",
        "Chloé", "Inès", "Léa", "Iris", "Agathe", "Jeanne", "Zoé", "Lou", "Adèle", "Juliette", "Manon", "Camille", "Lucie",
        "Sarah", "Éva", "Nina", "Charlotte", "Margaux", "Clémence", "Léonie", "Maëlys", "Anaïs", "Noémie", "Héloïse", "Gaëlle",
        "Océane", "Maëlle", "Marie-Ève", "Anne-Sophie", "Élise", "Capucine", "Joséphine", "Apolline", "Aïcha", "Yasmine",
        "Aminata", "Chloë", "Zoë", "Anaëlle", "Maïwenn", "Ségolène", "Bérénice", "Thaïs", "Énora", "Nœmie",
    ];

    public static readonly string[] Boys =
    [
        "Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Maël", "Lucas", "Hugo", "Noah", "Liam", "Gabin",
        "Sacha", "Paul", "Nathan", "Aaron", "Mohamed", "Ethan", "Tom", "Éden", "Léon", "Noé", "Tiago", "Théo", "Isaac",
        "Marius", "Victor", "Naël", "Mathis", "Axel", "Timéo", "Enzo", "Valentin", "Eliott", "Malo", "Antoine", "Samuel",
        "Augustin", "Rayan", "Yanis", "Gaspard", "Clément", "Baptiste", "Ismaël", "Évan", "Côme", "Jean-Baptiste",
        "Pierre-Louis", "François", "Benoît", "Jérôme", "Loïc", "Gaël", "Aurélien", "Rémi", "Grégoire", "Mamadou", "Noël",
    ];

    public static readonly string[] Women =
    [
        "Claire", "Nathalie", "Isabelle", "Sandrine", "Valérie", "Stéphanie", "Céline", "Aurélie", "Émilie", "Hélène",
        "Sophie", "Caroline", "Virginie", "Delphine", "Séverine", "Karine", "Laëtitia", "Fatima", "Marie-Claire", "Anne-Laure",
        "Géraldine", "Françoise", "Élodie", "Mélanie", "Agnès", "Béatrice", "Noëlle", "Édith", "Maryse", "Thi Thu",
    ];

    public static readonly string[] Men =
    [
        "Christophe", "Sébastien", "Frédéric", "Stéphane", "Laurent", "Nicolas", "Olivier", "Thierry", "Philippe", "Éric",
        "David", "Karim", "Jean-Pierre", "Jean-François", "Pascal", "Hervé", "Cédric", "Jérémie", "Mickaël", "Grégory",
        "Franck", "Rachid", "Moussa", "Benoît", "Guillaume", "Joël", "Raphaël", "José", "Hugues", "Xavier",
    ];

    public static readonly string[] FamilyNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
        "Michel", "Lefèbvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin",
        "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
        "Nicolas", "Henry", "Roussel", "Mathieu", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël",
        "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard",
        "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois", "Benoît",
        "Leclerc", "Payet", "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuy", "Hubert", "Berger", "Carpentier", "Dupuis",
        "Moulin", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Poirier",
        "Carré", "Ménard", "Maillard", "Hervé", "Le Gall", "Léger", "Prévost", "Le Roux", "Rémy", "Le Goff", "Lévêque",
        "Barré", "Maréchal", "Étienne", "Grondin", "Bénard", "Lemaître", "Barthélemy", "N'Diaye", "Diallo", "Traoré",
        "Nguyen", "Tran", "Benali", "Haddad", "Dos Santos", "de La Fontaine", "D'Almeida", "Saint-Martin", "Le Bihan",
        "Œuvrard", "Cœurdacier", "Bœuf", "Lætitier", "Müller", "Kowalski", "Ben Youssef", "El Amrani", "O'Neill",
        "Van der Berg", "Château", "Brûlé", "Crépin", "Jégou", "Abélard", "L'Hermite", "Dieudonné", "Sœur",
    ];
}
