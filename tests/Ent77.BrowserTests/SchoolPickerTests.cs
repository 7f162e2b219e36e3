namespace Ent77.BrowserTests;

/// <summary>
/// The school of the help form among 200: a combobox as ARIA 1.2 has it (role combobox with a listbox popup,
/// aria-expanded, aria-activedescendant, options marked selected as they are reached), searched without accents
/// by name, town or UAI, used with the keyboard only, on a phone.
/// </summary>
public sealed class SchoolPickerTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Among_200_schools_a_parent_on_a_phone_finds_hers_by_name_town_or_UAI_with_the_keyboard_only()
    {
        await Schools.EnsureAddedAsync(Portal);
        Assert.Equal(200, Schools.All.Count);
        var page = await OpenAsync("/aide", phone: true);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Reached with Tab from the field before it, closed at first.
        await page.Locator("#phone").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var school = page.GetByRole(AriaRole.Combobox, new() { Name = "Établissement" });
        await Expect(school).ToBeFocusedAsync();
        await Expect(school).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();

        // « tille »: the list opens with exactly the schools whose name, town or UAI holds it, accents ignored.
        var tille = Schools.Matching("tille");
        Assert.Equal(20, tille.Count); // the test school, 9 more « Les Tilleuls » and 10 « Le Tilleul d’Or »
        await page.Keyboard.TypeAsync("tille");
        await Expect(school).ToHaveAttributeAsync("aria-expanded", "true");
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Établissement" });
        await Expect(listbox).ToBeVisibleAsync();
        var options = listbox.GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(tille.Count);
        await Expect(page.Locator("#uai-status")).ToHaveTextAsync($"{tille.Count} établissements dans la liste.");
        await Expect(school).Not.ToHaveAttributeAsync("aria-activedescendant", new Regex("."));

        // ↓ reaches the first option, End the last, Home the first again, ↑ from the first wraps to the last.
        await page.Keyboard.PressAsync("ArrowDown");
        await ExpectActiveAsync(page, school, 0, tille[0].Name);
        await page.Keyboard.PressAsync("End");
        await ExpectActiveAsync(page, school, tille.Count - 1, tille[^1].Name);
        await page.Keyboard.PressAsync("Home");
        await ExpectActiveAsync(page, school, 0, tille[0].Name);
        await page.Keyboard.PressAsync("ArrowDown");
        await ExpectActiveAsync(page, school, 1, tille[1].Name);
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await ExpectActiveAsync(page, school, tille.Count - 1, tille[^1].Name);

        // The list open on a phone: inside the screen, nothing scrolls sideways, axe finds nothing serious.
        var box = await listbox.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The list spans {box.X}..{box.X + box.Width} on a 390 px screen.");
        Assert.False(await ScrollsSidewaysAsync(page), "The help form scrolls sideways with the list open.");
        Assert.Empty(await AxeViolationsAsync(page));
        await page.ScreenshotAsync(new() { Path = Screenshot("aide-etablissement-telephone.png") });

        // Enter chooses the active option: the field shows it, the form carries its UAI, the list closes.
        await page.Keyboard.PressAsync("Enter");
        await Expect(school).ToHaveAttributeAsync("aria-expanded", "false");
        var uai = await page.Locator("#uai").InputValueAsync();
        var chosen = Assert.Single(tille, s => s.Uai == uai);
        Assert.Equal(tille[^1].Name, chosen.Name);
        await Expect(school).ToHaveValueAsync($"{chosen.Name} ({chosen.City} — {chosen.Uai})");
        await Expect(school).ToBeFocusedAsync();

        // Escape on a closed list clears the field (and the choice).
        await page.Keyboard.PressAsync("Escape");
        await Expect(school).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#uai")).ToHaveValueAsync(string.Empty);

        // « melun »: the schools of the town; Escape closes the list and keeps the text.
        var melun = Schools.Matching("melun");
        Assert.Equal(20, melun.Count);
        await page.Keyboard.TypeAsync("melun");
        await Expect(options).ToHaveCountAsync(melun.Count);
        await page.Keyboard.PressAsync("Escape");
        await Expect(school).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(school).ToHaveValueAsync("melun");

        // Accents are not needed: « ecole elementaire chateau » finds the primary schools of Château-Landon.
        await school.FillAsync(string.Empty);
        var chateau = Schools.Matching("ecole elementaire chateau");
        Assert.Equal(5, chateau.Count);
        await page.Keyboard.TypeAsync("ecole elementaire chateau");
        await Expect(options).ToHaveCountAsync(chateau.Count);
        await Expect(options.First).ToContainTextAsync("École élémentaire");

        // A UAI typed in full, in lower case: one option, and Enter takes it.
        await school.FillAsync(string.Empty);
        await page.Keyboard.TypeAsync("0771234y");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options.First).ToContainTextAsync(PortalFixture.SchoolName);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#uai")).ToHaveValueAsync(PortalFixture.Uai);

        // Nothing matches: said, and no option.
        await school.FillAsync(string.Empty);
        await page.Keyboard.TypeAsync("zzzz");
        await Expect(options).ToHaveCountAsync(0);
        await Expect(page.Locator("#uai-status")).ToHaveTextAsync("Aucun établissement ne correspond.");
    }

    /// <summary>The option at <paramref name="index"/> is the active one, in the DOM and in the accessibility tree.</summary>
    private static async Task ExpectActiveAsync(IPage page, ILocator school, int index, string name)
    {
        var option = page.Locator("#uai-options [role='option']").Nth(index);
        var id = await option.GetAttributeAsync("id");
        await Expect(school).ToHaveAttributeAsync("aria-activedescendant", id!);
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#uai-options [aria-selected='true']")).ToHaveCountAsync(1);
        var selected = page.GetByRole(AriaRole.Option, new() { Selected = true });
        await Expect(selected).ToHaveCountAsync(1);
        await Expect(selected).ToContainTextAsync(name);
        await Expect(option).ToBeInViewportAsync();
    }
}
