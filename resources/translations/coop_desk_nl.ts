<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>App</name>
    <message>
        <source>Coop Desk cannot start</source>
        <translation>Coop Desk kan niet starten</translation>
    </message>
    <message>
        <source>The database could not be opened:
{error}

Details are in {log}</source>
        <translation>De database kon niet worden geopend:
{error}

De details staan in {log}</translation>
    </message>
</context>
<context>
    <name>CooperativeDialog</name>
    <message>
        <source>Cooperative details</source>
        <translation>Gegevens van de coöperatie</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Naam *</translation>
    </message>
    <message>
        <source>Village (names the work groups)</source>
        <translation>Dorp (geeft de werkgroepen hun naam)</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>KvK number</source>
        <translation>KvK-nummer</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Logo kiezen…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Logo verwijderen</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>(geen logo)</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Logo kiezen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>This file is not an image Coop Desk can read.</source>
        <translation>Dit bestand is geen afbeelding die Coop Desk kan lezen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Coop Desk ran into an unexpected problem. What you were doing may not have been saved; your open windows stay open, so you can check and try again.

The details were written to the log file:
{path}</source>
        <translation>Coop Desk liep tegen een onverwacht probleem aan. Wat u aan het doen was, is misschien niet opgeslagen; uw open vensters blijven open, zodat u kunt controleren en het opnieuw kunt proberen.

De details staan in het logbestand:
{path}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to Coop Desk</source>
        <translation>Welkom bij Coop Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to Coop Desk&lt;/h3&gt;&lt;p&gt;There is no database yet. It will be created here:&lt;br&gt;&lt;code&gt;{place}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;How do you want to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Welkom bij Coop Desk&lt;/h3&gt;&lt;p&gt;Er is nog geen database. Die wordt hier aangemaakt:&lt;br&gt;&lt;code&gt;{place}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Hoe wilt u beginnen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a demo village with fictional residents, to look around and practise</source>
        <translation>Een demodorp met verzonnen bewoners openen, om rond te kijken en te oefenen</translation>
    </message>
    <message>
        <source>Start empty, for the cooperative&apos;s real data</source>
        <translation>Leeg beginnen, voor de echte gegevens van de coöperatie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: {place}</source>
        <translation>Database: {place}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Cooperative &amp;details…</source>
        <translation>&amp;Gegevens coöperatie…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Coop Desk</source>
        <translation>&amp;Over Coop Desk</translation>
    </message>
    <message>
        <source>About Coop Desk</source>
        <translation>Over Coop Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coop Desk {version}&lt;/h3&gt;&lt;p&gt;The office program of a village care cooperative.&lt;/p&gt;&lt;p&gt;Database: {place}&lt;br&gt;Schema version: {schema}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coop Desk {version}&lt;/h3&gt;&lt;p&gt;Het kantoorprogramma van een zorgcoöperatie in het dorp.&lt;/p&gt;&lt;p&gt;Database: {place}&lt;br&gt;Schemaversie: {schema}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>member</source>
        <translation>lid</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>vrijwilliger</translation>
    </message>
    <message>
        <source>client</source>
        <translation>hulpvrager</translation>
    </message>
    <message>
        <source>informal carer</source>
        <translation>mantelzorger</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Search by name, street and house number, postcode or phone (Ctrl+F)</source>
        <translation>Zoek op naam, straat en huisnummer, postcode of telefoon (Ctrl+F)</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Register a new person (Ctrl+Shift+N)</source>
        <translation>Een nieuwe persoon inschrijven (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a person to see their details.</source>
        <translation>Kies een persoon om de gegevens te zien.</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>vrijwilliger</translation>
    </message>
    <message>
        <source>client</source>
        <translation>hulpvrager</translation>
    </message>
    <message>
        <source>informal carer</source>
        <translation>mantelzorger</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>per jaar</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Geen lid</translation>
    </message>
    <message>
        <source>Lives with</source>
        <translation>Woont samen met</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>member since {date}</source>
        <translation>lid sinds {date}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>tot {date}</translation>
    </message>
    <message>
        <source>household</source>
        <translation>huishouden</translation>
    </message>
    <message>
        <source>single</source>
        <translation>alleenstaand</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Persoon verwijderen</translation>
    </message>
    <message>
        <source>Delete {name} from the register? This cannot be undone.</source>
        <translation>{name} uit het register verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Niet verwijderd</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bewerken</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Unknown (neutral)</source>
        <translation>Onbekend (neutraal)</translation>
    </message>
    <message>
        <source>Mr (heer)</source>
        <translation>De heer</translation>
    </message>
    <message>
        <source>Mrs (mevrouw)</source>
        <translation>Mevrouw</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutraal</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Aanhef</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Voorletters</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Roepnaam</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <source>Surname *</source>
        <translation>Achternaam *</translation>
    </message>
    <message>
        <source>Own name</source>
        <translation>Eigen naam</translation>
    </message>
    <message>
        <source>Partner&apos;s name</source>
        <translation>Naam partner</translation>
    </message>
    <message>
        <source>Own name - partner&apos;s name</source>
        <translation>Eigen naam - naam partner</translation>
    </message>
    <message>
        <source>Partner&apos;s name - own name</source>
        <translation>Naam partner - eigen naam</translation>
    </message>
    <message>
        <source>Name usage</source>
        <translation>Naamgebruik</translation>
    </message>
    <message>
        <source>Partner&apos;s prefix</source>
        <translation>Tussenvoegsel partner</translation>
    </message>
    <message>
        <source>Partner&apos;s surname</source>
        <translation>Achternaam partner</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>België</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Tweede telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Membership and roles</source>
        <translation>Lidmaatschap en rollen</translation>
    </message>
    <message>
        <source>Member of the cooperative</source>
        <translation>Lid van de coöperatie</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Eén persoon</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Lid sinds</translation>
    </message>
    <message>
        <source>Member until</source>
        <translation>Lid tot</translation>
    </message>
    <message>
        <source>Yearly fee (€)</source>
        <translation>Contributie per jaar (€)</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Vrijwilliger</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Hulpvrager</translation>
    </message>
    <message>
        <source>Informal carer</source>
        <translation>Mantelzorger</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Contact persons (may call on this person&apos;s behalf)</source>
        <translation>Contactpersonen (mogen namens deze persoon bellen)</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>Contactpersoon toevoegen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Geselecteerde verwijderen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>Er is niets opgeslagen: verbeter de rood gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mogelijk dubbel</translation>
    </message>
    <message>
        <source>This person may already be registered:

{people}

Save as a new person anyway?</source>
        <translation>Deze persoon staat misschien al in het register:

{people}

Toch opslaan als nieuwe persoon?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>You have changed this person. Close without saving?</source>
        <translation>U hebt deze persoon gewijzigd. Sluiten zonder op te slaan?</translation>
    </message>
</context>
</TS>
