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
    <name>AssignDialog</name>
    <message>
        <source>Assign volunteers</source>
        <translation>Vrijwilligers indelen</translation>
    </message>
    <message>
        <source>Take off the shift</source>
        <translation>Van de dienst halen</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Vrijwilliger</translation>
    </message>
    <message>
        <source>Shifts this month</source>
        <translation>Diensten deze maand</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Waarom niet</translation>
    </message>
    <message>
        <source>Assign anyway</source>
        <translation>Toch indelen</translation>
    </message>
    <message>
        <source>Put someone on the shift despite a problem; the reason is saved with it</source>
        <translation>Iemand ondanks een bezwaar op de dienst zetten; de reden wordt erbij bewaard</translation>
    </message>
    <message>
        <source>Reason (required for “Assign anyway”)</source>
        <translation>Reden (verplicht bij “Toch indelen”)</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>On this shift:</source>
        <translation>Op deze dienst:</translation>
    </message>
    <message>
        <source>Candidates (suitable first, fewest shifts first):</source>
        <translation>Kandidaten (geschikt eerst, minste diensten eerst):</translation>
    </message>
    <message>
        <source>{filled} of {needed} places filled</source>
        <translation>{filled} van {needed} plaatsen gevuld</translation>
    </message>
    <message>
        <source>the shift is full: one more only with “Assign anyway” and a reason</source>
        <translation>de dienst is vol: nog iemand erbij alleen met “Toch indelen” en een reden</translation>
    </message>
    <message>
        <source>assigned anyway: {reason}</source>
        <translation>toch ingedeeld: {reason}</translation>
    </message>
    <message>
        <source>{count} of {max}</source>
        <translation>{count} van {max}</translation>
    </message>
    <message>
        <source>suitable</source>
        <translation>geschikt</translation>
    </message>
    <message>
        <source>{name} does not fit this shift. Tick “Assign anyway” and give a reason to assign anyway.</source>
        <translation>{name} past niet op deze dienst. Vink “Toch indelen” aan en geef een reden om toch in te delen.</translation>
    </message>
    <message>
        <source>Choose a volunteer from the list first.</source>
        <translation>Kies eerst een vrijwilliger uit de lijst.</translation>
    </message>
</context>
<context>
    <name>AssignDriverDialog</name>
    <message>
        <source>Assign driver</source>
        <translation>Chauffeur toewijzen</translation>
    </message>
    <message>
        <source>{day}, pickup {time}: {passenger} to {destination}</source>
        <translation>{day}, ophalen {time}: {passenger} naar {destination}</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Chauffeur</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Rides last 30 days</source>
        <translation>Ritten laatste 30 dagen</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bezwaren</translation>
    </message>
    <message>
        <source>This group has no active drivers yet.</source>
        <translation>Deze werkgroep heeft nog geen actieve chauffeurs.</translation>
    </message>
    <message>
        <source>Assign anyway (override the problems)</source>
        <translation>Toch inplannen (bezwaren overschrijven)</translation>
    </message>
    <message>
        <source>Why this driver anyway, e.g. agreed by phone</source>
        <translation>Waarom toch deze chauffeur, bijv. telefonisch afgesproken</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Choose a driver in the list.</source>
        <translation>Kies een chauffeur in de lijst.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Reservekopieën</translation>
    </message>
    <message>
        <source>Coop Desk makes a backup every day when it starts, and before every upgrade, import and erasure. It keeps 7 daily, 4 weekly and 12 monthly backups in &lt;code&gt;{folder}&lt;/code&gt;. Every backup is checked after it is made.</source>
        <translation>Coop Desk maakt elke dag bij het starten een reservekopie, en vóór elke upgrade, import en verwijdering. Er worden 7 dagelijkse, 4 wekelijkse en 12 maandelijkse reservekopieën bewaard in &lt;code&gt;{folder}&lt;/code&gt;. Elke reservekopie wordt na het maken gecontroleerd.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation>Nu een reservekopie maken</translation>
    </message>
    <message>
        <source>Back up to a folder…</source>
        <translation>Reservekopie naar een map…</translation>
    </message>
    <message>
        <source>An encrypted backup with a password, e.g. on a USB stick</source>
        <translation>Een versleutelde reservekopie met een wachtwoord, bijvoorbeeld op een USB-stick</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>Deze reservekopie terugzetten…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Terugzetten uit een bestand…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Er zijn nog geen reservekopieën.</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Dagelijks</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Met de hand gemaakt</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Voor een upgrade</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Voor een import</translation>
    </message>
    <message>
        <source>Before erasing a person</source>
        <translation>Voor het wissen van een persoon</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Voor het terugzetten</translation>
    </message>
    <message>
        <source>Backup made and checked: {name}</source>
        <translation>Reservekopie gemaakt en gecontroleerd: {name}</translation>
    </message>
    <message>
        <source>Choose a folder for the backup</source>
        <translation>Kies een map voor de reservekopie</translation>
    </message>
    <message>
        <source>Password for the backup</source>
        <translation>Wachtwoord voor de reservekopie</translation>
    </message>
    <message>
        <source>The backup is encrypted with this password. Keep it in a safe place: without the password the backup cannot be restored.</source>
        <translation>De reservekopie wordt met dit wachtwoord versleuteld. Bewaar het op een veilige plek: zonder het wachtwoord is de reservekopie niet terug te zetten.</translation>
    </message>
    <message>
        <source>Encrypted backup written to {path}</source>
        <translation>Versleutelde reservekopie geschreven naar {path}</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Kies een reservekopie</translation>
    </message>
    <message>
        <source>Coop Desk backups (*.sqlite *.coopbackup)</source>
        <translation>Reservekopieën van Coop Desk (*.sqlite *.coopbackup)</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>The data will be replaced by the backup of {what}. Everything saved after that is lost (the current data is backed up first). Coop Desk must be started again afterwards.

Restore this backup?</source>
        <translation>De gegevens worden vervangen door de reservekopie van {what}. Alles wat daarna is opgeslagen gaat verloren (van de huidige gegevens wordt eerst een reservekopie gemaakt). Daarna moet Coop Desk opnieuw worden gestart.

Deze reservekopie terugzetten?</translation>
    </message>
    <message>
        <source>The backup has been restored. Coop Desk will now close; start it again.</source>
        <translation>De reservekopie is teruggezet. Coop Desk sluit nu; start het programma opnieuw.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Reservekopie teruggezet</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>All members</source>
        <translation>Alle leden</translation>
    </message>
    <message>
        <source>One letter per household</source>
        <translation>Eén brief per huishouden</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <source>The volunteers of one work group</source>
        <translation>De vrijwilligers van één werkgroep</translation>
    </message>
    <message>
        <source>One person</source>
        <translation>Eén persoon</translation>
    </message>
    <message>
        <source>A selection of people</source>
        <translation>Een selectie van mensen</translation>
    </message>
    <message>
        <source>Everyone a search finds (a street, a postcode area…)</source>
        <translation>Iedereen die een zoekopdracht vindt (een straat, een postcodegebied…)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Ontvangers</translation>
    </message>
    <message>
        <source>Add to the selection</source>
        <translation>Aan de selectie toevoegen</translation>
    </message>
    <message>
        <source>Remove from the selection</source>
        <translation>Uit de selectie halen</translation>
    </message>
    <message>
        <source>e.g. Kerkweg, 3948 or a surname</source>
        <translation>bijv. Kerkweg, 3948 of een achternaam</translation>
    </message>
    <message>
        <source>members only</source>
        <translation>alleen leden</translation>
    </message>
    <message>
        <source>sorted by postcode and house number</source>
        <translation>gesorteerd op postcode en huisnummer</translation>
    </message>
    <message>
        <source>The order the post prefers; otherwise by name</source>
        <translation>De volgorde die de post het liefst heeft; anders op naam</translation>
    </message>
    <message>
        <source>Fields for this batch</source>
        <translation>Velden voor deze brieven</translation>
    </message>
    <message>
        <source>Envelope window: move the print</source>
        <translation>Venster van de envelop: afdruk verschuiven</translation>
    </message>
    <message>
        <source>If the address does not sit well in the envelope window, move everything printed: positive is to the right and down</source>
        <translation>Valt het adres niet goed in het venster van de envelop, verschuif dan alles wat geprint wordt: positief is naar rechts en omlaag</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>down</source>
        <translation>omlaag</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Count the letters and show the first one; nothing is logged</source>
        <translation>Tel de brieven en toon de eerste; er wordt niets vastgelegd</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>One PDF per person…</source>
        <translation>Eén PDF per persoon…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Printen…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Afdrukvoorbeeld…</translation>
    </message>
    <message>
        <source>Skipped, no address known:</source>
        <translation>Overgeslagen, geen adres bekend:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>Choose the template and the recipients, then press Preview.</source>
        <translation>Kies het sjabloon en de ontvangers en klik dan op Voorbeeld.</translation>
    </message>
    <message>
        <source>This template has no fields to fill in per batch.</source>
        <translation>Dit sjabloon heeft geen velden om per keer in te vullen.</translation>
    </message>
    <message>
        <source>Add the people who get the letter to the selection.</source>
        <translation>Voeg de mensen die de brief krijgen toe aan de selectie.</translation>
    </message>
    <message>
        <source>Choose the work group whose volunteers get the letter.</source>
        <translation>Kies de werkgroep waarvan de vrijwilligers de brief krijgen.</translation>
    </message>
    <message>
        <source>Choose the person who gets the letter.</source>
        <translation>Kies de persoon die de brief krijgt.</translation>
    </message>
    <message>
        <source>Nothing made: see the message above.</source>
        <translation>Er is niets gemaakt: zie de melding hierboven.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped, no address known (%n):</source>
        <translation>
            <numerusform>Overgeslagen, geen adres bekend (%n):</numerusform>
            <numerusform>Overgeslagen, geen adres bekend (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no templates.</source>
        <translation>Er zijn geen sjablonen.</translation>
    </message>
    <message>
        <source>There is nothing to show yet.</source>
        <translation>Er is nog niets te tonen.</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brieven</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) will be made.</source>
        <translation>
            <numerusform>Er wordt %n brief gemaakt.</numerusform>
            <numerusform>Er worden %n brieven gemaakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Letter 1 of {count}: {name}</source>
        <translation>Brief 1 van {count}: {name}</translation>
    </message>
    <message>
        <source>Save letters as PDF</source>
        <translation>Brieven opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {file} ({error}).</source>
        <translation>Kan {file} niet schrijven ({error}).</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) saved in {file}.</source>
        <translation>
            <numerusform>%n brief opgeslagen in {file}.</numerusform>
            <numerusform>%n brieven opgeslagen in {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Letters saved</source>
        <translation>Brieven opgeslagen</translation>
    </message>
    <message>
        <source>Choose the folder for the letters</source>
        <translation>Kies de map voor de brieven</translation>
    </message>
    <message>
        <source>household</source>
        <translation>huishouden</translation>
    </message>
    <message>
        <source>Could not write in {folder} ({error}).</source>
        <translation>Kon niet schrijven in {folder} ({error}).</translation>
    </message>
    <message>
        <source>The letters could not be sent to the printer.</source>
        <translation>De brieven konden niet naar de printer worden gestuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) sent to the printer.</source>
        <translation>
            <numerusform>%n brief naar de printer gestuurd.</numerusform>
            <numerusform>%n brieven naar de printer gestuurd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <source>Consultation hour</source>
        <translation>Spreekuur</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Beller</translation>
    </message>
    <message>
        <source>Name, street + house number, postcode or phone number</source>
        <translation>Naam, straat + huisnummer, postcode of telefoonnummer</translation>
    </message>
    <message>
        <source>Unknown caller… (Ctrl+U)</source>
        <translation>Onbekende beller… (Ctrl+U)</translation>
    </message>
    <message>
        <source>&amp;Anonymous</source>
        <translation>&amp;Anoniem</translation>
    </message>
    <message>
        <source>The caller does not want to give a name</source>
        <translation>De beller wil geen naam noemen</translation>
    </message>
    <message>
        <source>e.g. Sam de Wit</source>
        <translation>bijv. Sam de Wit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Register as caller</source>
        <translation>Inschrijven als beller</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Calls on behalf of</source>
        <translation>Belt namens</translation>
    </message>
    <message>
        <source>Calls on behalf of… (Alt+N)</source>
        <translation>Belt namens… (Alt+N)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>Whom is the call about? Name, address or phone number</source>
        <translation>Over wie gaat het gesprek? Naam, adres of telefoonnummer</translation>
    </message>
    <message>
        <source>e.g. daughter, neighbour</source>
        <translation>bijv. dochter, buurvrouw</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>What is the call about? (Tab goes to the categories)</source>
        <translation>Waar gaat het gesprek over? (Tab gaat naar de categorieën)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>Urgentie:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normaal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <source>Information given, closed (Alt+1)</source>
        <translation>Informatie gegeven en afgesloten (Alt+1)</translation>
    </message>
    <message>
        <source>New help request (Alt+2)</source>
        <translation>Nieuwe hulpvraag (Alt+2)</translation>
    </message>
    <message>
        <source>With an existing help request (Alt+3)</source>
        <translation>Bij bestaande hulpvraag (Alt+3)</translation>
    </message>
    <message>
        <source>Call back (Alt+4)</source>
        <translation>Terugbellen (Alt+4)</translation>
    </message>
    <message>
        <source>Short description, e.g. Lift to the hospital on Thursday</source>
        <translation>Korte omschrijving, bijv. vervoer naar het ziekenhuis op donderdag</translation>
    </message>
    <message>
        <source>dd-mm-yyyy (optional)</source>
        <translation>dd-mm-jjjj (niet verplicht)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Terugbellen op</translation>
    </message>
    <message>
        <source>Help request</source>
        <translation>Hulpvraag</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>uu:mm</translation>
    </message>
    <message>
        <source>at</source>
        <translation>om</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>Terugbellen op</translation>
    </message>
    <message>
        <source>Discard call</source>
        <translation>Gesprek weggooien</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Opslaan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>A call is still being typed and has not been saved. Discard it and start a new call?</source>
        <translation>Er wordt nog een gesprek getypt dat niet is opgeslagen. Dat gesprek weggooien en een nieuw gesprek beginnen?</translation>
    </message>
    <message>
        <source>Unsaved call</source>
        <translation>Niet opgeslagen gesprek</translation>
    </message>
    <message>
        <source>There is a call that was not saved yet (from {time}). Restore it?</source>
        <translation>Er is een gesprek dat nog niet was opgeslagen (van {time}). Terughalen?</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>geen lid</translation>
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
    <message>
        <source>Anonymous caller.</source>
        <translation>Anonieme beller.</translation>
    </message>
    <message>
        <source>Type in the search field and press Enter to choose the caller.</source>
        <translation>Typ in het zoekveld en druk op Enter om de beller te kiezen.</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Open help requests</source>
        <translation>Open hulpvragen</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Contact person for</source>
        <translation>Contactpersoon voor</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Calls on behalf of {name}</source>
        <translation>Belt namens {name}</translation>
    </message>
    <message>
        <source>Make {name} the person this call is about</source>
        <translation>Maak {name} degene om wie dit gesprek gaat</translation>
    </message>
    <message>
        <source>The call is about the caller.</source>
        <translation>Het gesprek gaat over de beller zelf.</translation>
    </message>
    <message>
        <source>About: {person}</source>
        <translation>Gaat over: {person}</translation>
    </message>
    <message>
        <source>(no open help requests)</source>
        <translation>(geen open hulpvragen)</translation>
    </message>
    <message>
        <source>That is not a time; write it as hh:mm, for example 10:00.</source>
        <translation>Geen tijd; schrijf die als uu:mm, bijvoorbeeld 10:00.</translation>
    </message>
    <message>
        <source>Call saved; help request #{number} created.</source>
        <translation>Gesprek opgeslagen; hulpvraag #{number} aangemaakt.</translation>
    </message>
    <message>
        <source>Call saved with help request #{number}.</source>
        <translation>Gesprek opgeslagen bij hulpvraag #{number}.</translation>
    </message>
    <message>
        <source>Call saved; call back on {date} at {time}.</source>
        <translation>Gesprek opgeslagen; terugbellen op {date} om {time}.</translation>
    </message>
    <message>
        <source>Call saved.</source>
        <translation>Gesprek opgeslagen.</translation>
    </message>
    <message>
        <source>Discard this call? What you typed will be lost.</source>
        <translation>Dit gesprek weggooien? Wat u hebt getypt gaat verloren.</translation>
    </message>
    <message>
        <source>No call in progress</source>
        <translation>Geen gesprek bezig</translation>
    </message>
    <message>
        <source>Call started at {time} · {duration} min</source>
        <translation>Gesprek gestart om {time} · {duration} min</translation>
    </message>
</context>
<context>
    <name>CallerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Lidmaatschap</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <source>Open help requests</source>
        <translation>Open hulpvragen</translation>
    </message>
</context>
<context>
    <name>CancelContractDialog</name>
    <message>
        <source>Cancel contract</source>
        <translation>Contract opzeggen</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>e.g. letter sent by registered post</source>
        <translation>bijv. aangetekende brief verstuurd</translation>
    </message>
    <message>
        <source>Cancelled on</source>
        <translation>Opgezegd op</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Record that the contract has been cancelled (opgezegd).</source>
        <translation>Leg vast dat het contract is opgezegd.</translation>
    </message>
</context>
<context>
    <name>CancelRideDialog</name>
    <message>
        <source>Cancel ride</source>
        <translation>Rit annuleren</translation>
    </message>
    <message>
        <source>Cancel the ride of {passenger} on {day}?</source>
        <translation>De rit van {passenger} op {day} annuleren?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>e.g. appointment moved</source>
        <translation>bijv. afspraak verzet</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>CardWidget</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In behandeling</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Doorverwezen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Doorverwijzing</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Terugbellen</translation>
    </message>
    <message>
        <source>Self-reliance</source>
        <translation>Zelfredzaamheid</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Doorverwijzen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Leefgebied</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Afsluiting</translation>
    </message>
    <message>
        <source>Record scores…</source>
        <translation>Scores vastleggen…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>What was discussed or done?</source>
        <translation>Wat is besproken of gedaan?</translation>
    </message>
    <message>
        <source>Reason (required to complete or stop):</source>
        <translation>Reden (verplicht bij afronden of stoppen):</translation>
    </message>
    <message>
        <source>Why does the status change?</source>
        <translation>Waarom verandert de status?</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>Terugbellen op</translation>
    </message>
    <message>
        <source>What to call about</source>
        <translation>Waarover terugbellen</translation>
    </message>
    <message>
        <source>Set call back</source>
        <translation>Terugbellen vastleggen</translation>
    </message>
    <message>
        <source>Clear call back</source>
        <translation>Terugbelafspraak vervalt</translation>
    </message>
    <message>
        <source>Refer to</source>
        <translation>Doorverwijzen naar</translation>
    </message>
    <message>
        <source>Work group, provider, organisation or person</source>
        <translation>Werkgroep, aanbieder, organisatie of persoon</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>All kinds of service</source>
        <translation>Alle soorten diensten</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Or arrange it with a work group straight away:</source>
        <translation>Of regel het meteen met een werkgroep:</translation>
    </message>
    <message>
        <source>Request a ride…</source>
        <translation>Rit aanvragen…</translation>
    </message>
    <message>
        <source>Request an odd job…</source>
        <translation>Klus aanvragen…</translation>
    </message>
    <message>
        <source>No work group</source>
        <translation>Geen werkgroep</translation>
    </message>
    <message>
        <source>There is no active work group for this yet (Work groups).</source>
        <translation>Hiervoor is nog geen actieve werkgroep (zie Werkgroepen).</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>Save description</source>
        <translation>Omschrijving opslaan</translation>
    </message>
    <message>
        <source>Change handler</source>
        <translation>Behandelaar wijzigen</translation>
    </message>
    <message>
        <source>Help request not found</source>
        <translation>Hulpvraag niet gevonden</translation>
    </message>
    <message>
        <source>Help request {number}: {title}</source>
        <translation>Hulpvraag {number}: {title}</translation>
    </message>
    <message>
        <source>Status now: {status}</source>
        <translation>Status nu: {status}</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Heropenen</translation>
    </message>
    <message>
        <source>Take on (in progress)</source>
        <translation>In behandeling nemen</translation>
    </message>
    <message>
        <source>Mark as referred</source>
        <translation>Op doorverwezen zetten</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>(no client)</source>
        <translation>(geen hulpvrager)</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>achterstallig</translation>
    </message>
    <message>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Hulpvrager</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>Help request {number}</source>
        <translation>Hulpvraag {number}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nog niets vastgelegd.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Door iemand anders gewijzigd</translation>
    </message>
    <message>
        <source>Fill in the date to call back, or choose Clear call back.</source>
        <translation>Vul de terugbeldatum in, of kies Terugbelafspraak vervalt.</translation>
    </message>
    <message>
        <source>Choose the provider.</source>
        <translation>Kies de aanbieder.</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Niets op te slaan</translation>
    </message>
    <message>
        <source>No life domain was scored.</source>
        <translation>Er is geen enkel leefgebied gescoord.</translation>
    </message>
</context>
<context>
    <name>CaseloadTableModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Hulpvrager</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Terugbellen</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Laatste activiteit</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In behandeling</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Doorverwezen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Op deze kolom kan niet worden gesorteerd</translation>
    </message>
    <message>
        <source>(no client)</source>
        <translation>(geen hulpvrager)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In behandeling</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Doorverwezen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Achterstallig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Overdue or today</source>
        <translation>Achterstallig of vandaag</translation>
    </message>
    <message numerus="yes">
        <source>Older than %n day(s)</source>
        <translation>
            <numerusform>Ouder dan %n dag</numerusform>
            <numerusform>Ouder dan %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Search in notes (Ctrl+F)</source>
        <translation>Zoeken in notities (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open request</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open the selected help request (Enter)</source>
        <translation>De gekozen hulpvraag openen (Enter)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Terugbellen</translation>
    </message>
    <message>
        <source>Request age</source>
        <translation>Looptijd</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle categorieën</translation>
    </message>
    <message>
        <source>All handlers</source>
        <translation>Alle behandelaars</translation>
    </message>
    <message numerus="yes">
        <source>%Ln help request(s)</source>
        <translation>
            <numerusform>%Ln hulpvraag</numerusform>
            <numerusform>%Ln hulpvragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoosePersonDialog</name>
    <message>
        <source>New volunteer: choose a person</source>
        <translation>Nieuwe vrijwilliger: kies een persoon</translation>
    </message>
    <message>
        <source>Who becomes a volunteer? Search by name. Someone not in the register yet: add them under People.</source>
        <translation>Wie wordt vrijwilliger? Zoek op naam. Staat iemand nog niet in het register: voeg hem of haar eerst toe onder Mensen.</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>Verder…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>CompleteRideDialog</name>
    <message>
        <source>Ride completed</source>
        <translation>Rit gereden</translation>
    </message>
    <message>
        <source>{day}: {passenger} to {destination}, driven by {driver}.</source>
        <translation>{day}: {passenger} naar {destination}, gereden door {driver}.</translation>
    </message>
    <message>
        <source>(no driver)</source>
        <translation>(geen chauffeur)</translation>
    </message>
    <message>
        <source>Kilometres driven (there and back)</source>
        <translation>Gereden kilometers (heen en terug)</translation>
    </message>
    <message>
        <source>e.g. 24</source>
        <translation>bijv. 24</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>What is stored now differs from what you typed here:</source>
        <translation>Wat nu is opgeslagen, verschilt van wat u hier hebt ingevuld:</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Nu opgeslagen</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Uw invoer</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>ContractAlertsText</name>
    <message>
        <source>Contracts: cancel or extend</source>
        <translation>Contracten: opzeggen of verlengen</translation>
    </message>
    <message>
        <source>No contract deadlines in the next 90 days.</source>
        <translation>Geen contracttermijnen in de komende 90 dagen.</translation>
    </message>
    <message>
        <source>Cancel before {date}</source>
        <translation>Opzeggen vóór {date}</translation>
    </message>
    <message>
        <source>Ends on {date}</source>
        <translation>Loopt af op {date}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>over %n dag</numerusform>
            <numerusform>over %n dagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Cancel contract…</source>
        <translation>Opzeggen…</translation>
    </message>
    <message>
        <source>Record that the contract has been cancelled (opgezegd)</source>
        <translation>Vastleggen dat het contract is opgezegd</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Naam contract *</translation>
    </message>
    <message>
        <source>e.g. Household help 2026-2027</source>
        <translation>bijv. Huishoudelijke hulp 2026-2027</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Diensten</translation>
    </message>
    <message>
        <source>Start date *</source>
        <translation>Ingangsdatum *</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy (empty: open-ended)</source>
        <translation>dd-mm-jjjj (leeg: onbepaalde tijd)</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation> mnd.</translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation>Opzegtermijn</translation>
    </message>
    <message>
        <source>Renews automatically by</source>
        <translation>Stilzwijgend verlengd met</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlenging</translation>
    </message>
    <message>
        <source>Automatic (from the dates)</source>
        <translation>Automatisch (volgt uit de data)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Volume and rates</source>
        <translation>Volume en tarieven</translation>
    </message>
    <message>
        <source>Agreed volume</source>
        <translation>Afgesproken volume</translation>
    </message>
    <message>
        <source>e.g. 1,200 hours a year</source>
        <translation>bijv. 1.200 uur per jaar</translation>
    </message>
    <message>
        <source>Budget (€)</source>
        <translation>Budget (€)</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarieven</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Amount (€)</source>
        <translation>Bedrag (€)</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>Btw %</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Add rate</source>
        <translation>Tarief toevoegen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Geselecteerde verwijderen</translation>
    </message>
    <message>
        <source>Add PDF…</source>
        <translation>PDF toevoegen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>The status follows once the dates are filled in correctly.</source>
        <translation>De status volgt zodra de data goed zijn ingevuld.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Open-ended: no cancellation deadline.</source>
        <translation>Onbepaalde tijd: geen uiterste opzegdatum.</translation>
    </message>
    <message>
        <source>Ended on {date}</source>
        <translation>Afgelopen op {date}</translation>
    </message>
    <message>
        <source>Ends on {date}</source>
        <translation>Loopt af op {date}</translation>
    </message>
    <message>
        <source>Current period ends on {date}</source>
        <translation>De huidige periode loopt tot {date}</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>verstreken</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>over %n dag</numerusform>
            <numerusform>over %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel no later than {date}</source>
        <translation>Uiterlijk opzeggen op {date}</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nieuw contract</translation>
    </message>
    <message>
        <source>New contract with {provider}</source>
        <translation>Nieuw contract met {provider}</translation>
    </message>
    <message>
        <source>Contract: {title}</source>
        <translation>Contract: {title}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nog niets vastgelegd.</translation>
    </message>
    <message>
        <source>added when the contract is saved</source>
        <translation>wordt toegevoegd als het contract wordt opgeslagen</translation>
    </message>
    <message>
        <source>Contract not found</source>
        <translation>Contract niet gevonden</translation>
    </message>
    <message>
        <source>Add signed contract (PDF)</source>
        <translation>Getekend contract toevoegen (PDF)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-bestanden (*.pdf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Could not read {file}: {error}</source>
        <translation>{file} kon niet worden gelezen: {error}</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Bijlage weghalen</translation>
    </message>
    <message>
        <source>Remove {file} from this contract?</source>
        <translation>{file} weghalen bij dit contract?</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>Niet opgezegd</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Regel {row}: {message}</translation>
    </message>
    <message>
        <source>Attachment not added</source>
        <translation>Bijlage niet toegevoegd</translation>
    </message>
    <message>
        <source>The contract was saved, but not every attachment:</source>
        <translation>Het contract is opgeslagen, maar niet elke bijlage:</translation>
    </message>
    <message>
        <source>You have changed this contract. Close without saving?</source>
        <translation>U hebt dit contract gewijzigd. Sluiten zonder op te slaan?</translation>
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
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>De database is beschadigd</translation>
    </message>
    <message>
        <source>&lt;p&gt;The latest good backup is from &lt;b&gt;{when}&lt;/b&gt;. Coop Desk can put it back; whatever was saved after it is lost. The damaged file is kept in the backup folder.&lt;/p&gt;</source>
        <translation>&lt;p&gt;De laatste goede reservekopie is van &lt;b&gt;{when}&lt;/b&gt;. Coop Desk kan die terugzetten; wat daarna is opgeslagen gaat verloren. Het beschadigde bestand wordt bewaard in de map met reservekopieën.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No good backup was found. Choose a backup file, or ask for help.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Er is geen goede reservekopie gevonden. Kies een bestand met een reservekopie, of vraag om hulp.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The database cannot be opened&lt;/h3&gt;&lt;p&gt;The file &lt;code&gt;{path}&lt;/code&gt; is damaged, for example by a power cut or a faulty disk or USB stick.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;De database kan niet worden geopend&lt;/h3&gt;&lt;p&gt;Het bestand &lt;code&gt;{path}&lt;/code&gt; is beschadigd, bijvoorbeeld door een stroomstoring of een defecte schijf of USB-stick.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Restore the latest good backup</source>
        <translation>Laatste goede reservekopie terugzetten</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>Andere reservekopie kiezen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Kies een reservekopie</translation>
    </message>
    <message>
        <source>Coop Desk backups (*.sqlite *.coopbackup)</source>
        <translation>Reservekopieën van Coop Desk (*.sqlite *.coopbackup)</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
</context>
<context>
    <name>DatabaseInUseDialog</name>
    <message>
        <source>Database in use</source>
        <translation>Database in gebruik</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The database is in use&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{user}&lt;/b&gt; has it open on &lt;b&gt;{machine}&lt;/b&gt; since {since}.&lt;/p&gt;&lt;p&gt;Only one program at a time may write in the database. Close Coop Desk there first. If that program is no longer running (for example after a crash), you can take the database over; the other program can then no longer save. The take-over is recorded in the audit trail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;De database is in gebruik&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{user}&lt;/b&gt; heeft hem open op &lt;b&gt;{machine}&lt;/b&gt; sinds {since}.&lt;/p&gt;&lt;p&gt;Er kan maar één programma tegelijk in de database schrijven. Sluit Coop Desk daar eerst. Draait dat programma niet meer (bijvoorbeeld na een storing), dan kunt u de database overnemen; het andere programma kan dan niet meer opslaan. Het overnemen wordt vastgelegd in het logboek.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
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
    <name>ExcelExport</name>
    <message>
        <source>Export to Excel</source>
        <translation>Exporteren naar Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Niet geëxporteerd</translation>
    </message>
    <message>
        <source>The list was not saved.</source>
        <translation>De lijst is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Could not write {file} ({error}). Is the file still open in Excel?</source>
        <translation>Kon {file} niet schrijven ({error}). Is het bestand nog open in Excel?</translation>
    </message>
    <message>
        <source>%n row(s) saved in {file}.</source>
        <translation>%n regels opgeslagen in {file}.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <source>Open the file now?</source>
        <translation>Het bestand nu openen?</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Save this list, as it is shown now, as an Excel workbook</source>
        <translation>Deze lijst, zoals die nu getoond wordt, opslaan als Excel-werkmap</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>&amp;Export to Excel</source>
        <translation>&amp;Exporteren naar Excel</translation>
    </message>
    <message>
        <source>&amp;People (as the list shows them)…</source>
        <translation>&amp;Mensen (zoals de lijst ze toont)…</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Leden…</translation>
    </message>
    <message>
        <source>&amp;Households…</source>
        <translation>&amp;Huishoudens…</translation>
    </message>
    <message>
        <source>&amp;Calls…</source>
        <translation>&amp;Gesprekken…</translation>
    </message>
    <message>
        <source>Help &amp;requests (as the list shows them)…</source>
        <translation>Hulp&amp;vragen (zoals de lijst ze toont)…</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>Er is niets opgeslagen: verbeter de rood gemarkeerde velden.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Coop Desk - first administrator</source>
        <translation>Coop Desk - eerste beheerder</translation>
    </message>
    <message>
        <source>Nobody can use this database yet. Choose the first administrator: they can add the other users under Beheer. The password needs at least 10 characters.</source>
        <translation>Nog niemand kan met deze database werken. Kies de eerste beheerder: die kan onder Beheer de andere gebruikers toevoegen. Het wachtwoord moet minstens 10 tekens lang zijn.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Volledige &amp;naam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Beheerder aanmaken</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
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
    <name>GroupDialog</name>
    <message>
        <source>New work group</source>
        <translation>Nieuwe werkgroep</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bewerken</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Eten</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Vervoer</translation>
    </message>
    <message>
        <source>Odd jobs</source>
        <translation>Klussen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>cook</source>
        <translation>kok</translation>
    </message>
    <message>
        <source>driver</source>
        <translation>chauffeur</translation>
    </message>
    <message>
        <source>handyman</source>
        <translation>klusser</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coördinator</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Zondag</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Naam *</translation>
    </message>
    <message>
        <source>e.g. Austerlitz Eet</source>
        <translation>bijv. Austerlitz Eet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>e.g. Dorpshuis</source>
        <translation>bijv. Dorpshuis</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>No shifts on Dutch public holidays</source>
        <translation>Geen diensten op feestdagen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Rates (rides)</source>
        <translation>Tarieven (ritten)</translation>
    </message>
    <message>
        <source>Passenger pays per km (€)</source>
        <translation>Passagier betaalt per km (€)</translation>
    </message>
    <message>
        <source>Passenger pays per ride (€)</source>
        <translation>Passagier betaalt per rit (€)</translation>
    </message>
    <message>
        <source>Driver gets per km (€)</source>
        <translation>Chauffeur krijgt per km (€)</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Maaltijden</translation>
    </message>
    <message>
        <source>Price of a meal (€)</source>
        <translation>Prijs van een maaltijd (€)</translation>
    </message>
    <message>
        <source>Most guests</source>
        <translation>Maximaal aantal gasten</translation>
    </message>
    <message>
        <source>empty = no maximum</source>
        <translation>leeg = geen maximum</translation>
    </message>
    <message>
        <source>Recurring shifts (rota pattern)</source>
        <translation>Terugkerende diensten (roosterpatroon)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Volunteer role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Nodig</translation>
    </message>
    <message>
        <source>Every … weeks</source>
        <translation>Elke … weken</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Naam dienst</translation>
    </message>
    <message>
        <source>Add shift</source>
        <translation>Dienst toevoegen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Geselecteerde verwijderen</translation>
    </message>
    <message>
        <source>Closed days (no shifts, meals or sessions)</source>
        <translation>Gesloten dagen (geen diensten, maaltijden of bijeenkomsten)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Add closed day</source>
        <translation>Gesloten dag toevoegen</translation>
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
        <source>The kind of a group is fixed once it is created.</source>
        <translation>De soort van een groep ligt vast zodra de groep is aangemaakt.</translation>
    </message>
    <message>
        <source>You have changed this group. Close without saving?</source>
        <translation>U hebt deze groep gewijzigd. Sluiten zonder op te slaan?</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>Food</source>
        <translation>Eten</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Vervoer</translation>
    </message>
    <message>
        <source>Odd jobs</source>
        <translation>Klussen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>Rooster</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Ritten</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Maaltijden</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Klussen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Bijeenkomsten</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <source>Work groups</source>
        <translation>Werkgroepen</translation>
    </message>
    <message>
        <source>Show inactive groups</source>
        <translation>Niet-actieve groepen tonen</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nieuwe groep…</translation>
    </message>
    <message>
        <source>Edit group…</source>
        <translation>Groep bewerken…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Printen…</translation>
    </message>
    <message>
        <source>Rota, day sheets, lists and personal schedules for a period</source>
        <translation>Rooster, dagbladen, lijsten en persoonlijke roosters voor een periode</translation>
    </message>
    <message numerus="yes">
        <source>{kind} · %n volunteer(s)</source>
        <translation>
            <numerusform>{kind} · %n vrijwilliger</numerusform>
            <numerusform>{kind} · %n vrijwilligers</numerusform>
        </translation>
    </message>
    <message>
        <source>not active</source>
        <translation>niet actief</translation>
    </message>
    <message>
        <source>Location: {place}</source>
        <translation>Locatie: {place}</translation>
    </message>
    <message numerus="yes">
        <source>%n active volunteer(s)</source>
        <translation>
            <numerusform>%n actieve vrijwilliger</numerusform>
            <numerusform>%n actieve vrijwilligers</numerusform>
        </translation>
    </message>
    <message>
        <source>No work group chosen</source>
        <translation>Geen werkgroep gekozen</translation>
    </message>
    <message>
        <source>Make a group with “New group…”.</source>
        <translation>Maak een groep met “Nieuwe groep…”.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members from Excel…</source>
        <translation>Leden inlezen uit Excel…</translation>
    </message>
    <message>
        <source>Import members from Excel</source>
        <translation>Leden inlezen uit Excel</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Vorige</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Volgende &gt;</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Inlezen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Choose the Excel workbook (.xlsx) with the members. Next you link its columns to the fields of the register, then every row is checked. Nothing is saved until you click Import, and nothing at all while any row has a problem.</source>
        <translation>Kies de Excel-werkmap (.xlsx) met de leden. Daarna koppelt u de kolommen aan de velden van het register en wordt elke rij gecontroleerd. Er wordt niets opgeslagen voordat u op Inlezen klikt, en helemaal niets zolang er in een rij een probleem is.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Bestand kiezen…</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Check for each column which field it fills. Columns set to “ignore” are not read. A surname is required (a column Achternaam, or a column with the whole name).</source>
        <translation>Controleer per kolom welk veld ermee wordt gevuld. Kolommen op „negeren” worden niet gelezen. Een achternaam is verplicht (een kolom Achternaam, of een kolom met de hele naam).</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Header in Excel</source>
        <translation>Kop in Excel</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Voorbeelden</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation>Problemen kopiëren</translation>
    </message>
    <message>
        <source>Copy the problems (or the selected ones) to paste them elsewhere</source>
        <translation>De problemen (of de geselecteerde) kopiëren om ze elders te plakken</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>Read the file again after correcting it in Excel and check it</source>
        <translation>Het bestand opnieuw lezen en controleren nadat u het in Excel hebt verbeterd</translation>
    </message>
    <message>
        <source>Step 1 of 3: choose the file</source>
        <translation>Stap 1 van 3: bestand kiezen</translation>
    </message>
    <message>
        <source>Step 2 of 3: link the columns</source>
        <translation>Stap 2 van 3: kolommen koppelen</translation>
    </message>
    <message>
        <source>Step 3 of 3: check</source>
        <translation>Stap 3 van 3: controleren</translation>
    </message>
    <message>
        <source>Check &gt;</source>
        <translation>Controleren &gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Choose the member list</source>
        <translation>Kies de ledenlijst</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Excel-werkmap (*.xlsx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Worksheet {sheet}: {error}</source>
        <translation>Werkblad {sheet}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with data in {file}, worksheet {sheet}.</source>
        <translation>
            <numerusform>%n rij met gegevens in {file}, werkblad {sheet}.</numerusform>
            <numerusform>%n rijen met gegevens in {file}, werkblad {sheet}.</numerusform>
        </translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(negeren)</translation>
    </message>
    <message>
        <source>Not recognised: choose a field, or leave it on “ignore”</source>
        <translation>Niet herkend: kies een veld, of laat het op „negeren” staan</translation>
    </message>
    <message>
        <source>Not recognised, so ignored unless you choose a field: {columns}.</source>
        <translation>Niet herkend en dus genegeerd, tenzij u een veld kiest: {columns}.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Kies eerst een bestand.</translation>
    </message>
    <message>
        <source>No column is linked to {surname} or {name}: every member needs a surname.</source>
        <translation>Er is geen kolom gekoppeld aan {surname} of {name}: elk lid heeft een achternaam nodig.</translation>
    </message>
    <message>
        <source>There is a column for {number} but none for {street} or {address}.</source>
        <translation>Er is een kolom voor {number}, maar geen voor {street} of {address}.</translation>
    </message>
    <message>
        <source>Several columns are linked to {field} ({columns}); link only one.</source>
        <translation>Meer dan één kolom is gekoppeld aan {field} ({columns}); koppel er maar één.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Bezig met inlezen…</translation>
    </message>
    <message>
        <source>The backup before importing failed, so nothing was imported. {error}</source>
        <translation>De reservekopie vóór het inlezen is mislukt; er is daarom niets ingelezen. {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s); nothing has been imported.</source>
        <translation>
            <numerusform>%n probleem; er is niets ingelezen.</numerusform>
            <numerusform>%n problemen; er is niets ingelezen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the list in Excel, save it and click “Check again”. Each line gives the row number and the column as Excel shows them.</source>
        <translation>Verbeter de lijst in Excel, sla hem op en klik op „Opnieuw controleren”. Elke regel noemt het rijnummer en de kolom zoals Excel ze toont.</translation>
    </message>
    <message>
        <source>The list has no rows with people to import.</source>
        <translation>De lijst heeft geen rijen met mensen om in te lezen.</translation>
    </message>
    <message>
        <source>No problems found. Click Import to add them to the register.</source>
        <translation>Geen problemen gevonden. Klik op Inlezen om ze aan het register toe te voegen.</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n huishouden</numerusform>
            <numerusform>%n huishoudens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in {households} imported.</source>
        <translation>
            <numerusform>%n persoon in {households} ingelezen.</numerusform>
            <numerusform>%n mensen in {households} ingelezen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in {households} will be added.</source>
        <translation>
            <numerusform>%n persoon in {households} wordt toegevoegd.</numerusform>
            <numerusform>%n mensen in {households} worden toegevoegd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobAssignDialog</name>
    <message>
        <source>Assign volunteers</source>
        <translation>Vrijwilligers indelen</translation>
    </message>
    <message>
        <source>date not known yet</source>
        <translation>datum nog niet bekend</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>When: {0} · skills needed: {1}</source>
        <translation>Wanneer: {0} · nodige vaardigheden: {1}</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Vrijwilliger</translation>
    </message>
    <message>
        <source>Suitable</source>
        <translation>Geschikt</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Heeft</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Mist</translation>
    </message>
    <message>
        <source>Jobs (90 days)</source>
        <translation>Klussen (90 dagen)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bezwaren</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>This group has no volunteers with the role klusser yet.</source>
        <translation>Deze groep heeft nog geen vrijwilligers met de rol klusser.</translation>
    </message>
    <message>
        <source>Assign anyway, although not suitable (flagged)</source>
        <translation>Toch indelen, hoewel niet geschikt (wordt gemarkeerd)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>why this volunteer anyway</source>
        <translation>waarom toch deze vrijwilliger</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>JobCompleteDialog</name>
    <message>
        <source>Job done</source>
        <translation>Klus klaar</translation>
    </message>
    <message>
        <source>Hours spent</source>
        <translation>Bestede uren</translation>
    </message>
    <message>
        <source>e.g. 1,5 or 1:30</source>
        <translation>bijv. 1,5 of 1:30</translation>
    </message>
    <message>
        <source>All volunteers together; the job is marked done.</source>
        <translation>Alle vrijwilligers samen; de klus krijgt de status klaar.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>New job</source>
        <translation>Nieuwe klus</translation>
    </message>
    <message>
        <source>Change job</source>
        <translation>Klus wijzigen</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>e.g. hang a lamp</source>
        <translation>bijv. lamp ophangen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Empty: the requester&apos;s home. E.g. Dorpsstraat 12, 3941 AB Doorn</source>
        <translation>Leeg: het huisadres van de aanvrager. Bijv. Dorpsstraat 12, 3941 AB Doorn</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy, empty when not known yet</source>
        <translation>dd-mm-jjjj, leeg als die nog niet bekend is</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>e.g. 10:00</source>
        <translation>bijv. 10:00</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>e.g. ladder, drill</source>
        <translation>bijv. ladder, boormachine</translation>
    </message>
    <message>
        <source>Skills needed</source>
        <translation>Nodige vaardigheden</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>JobsTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Klus</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Vaardigheden</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Ingepland</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>no date yet</source>
        <translation>nog geen datum</translation>
    </message>
    <message>
        <source>— nobody yet</source>
        <translation>— nog niemand</translation>
    </message>
</context>
<context>
    <name>JobsWidget</name>
    <message>
        <source>Open jobs</source>
        <translation>Openstaande klussen</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Alle klussen</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>Nieuwe klus…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Assign volunteers…</source>
        <translation>Vrijwilligers indelen…</translation>
    </message>
    <message>
        <source>Done (hours)…</source>
        <translation>Klaar (uren)…</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>Klus annuleren…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>No jobs to show. Use “New job…” to register a request.</source>
        <translation>Geen klussen om te tonen. Kies “Nieuwe klus…” om een aanvraag vast te leggen.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Klus</translation>
    </message>
    <message>
        <source>No job chosen</source>
        <translation>Geen klus gekozen</translation>
    </message>
    <message>
        <source>date not known yet</source>
        <translation>datum nog niet bekend</translation>
    </message>
    <message>
        <source>For: {0} · {1} · phone {2}</source>
        <translation>Voor: {0} · {1} · telefoon {2}</translation>
    </message>
    <message>
        <source>When: {0}</source>
        <translation>Wanneer: {0}</translation>
    </message>
    <message>
        <source>Materials: {0}</source>
        <translation>Materiaal: {0}</translation>
    </message>
    <message>
        <source>Skills needed: {0}</source>
        <translation>Nodige vaardigheden: {0}</translation>
    </message>
    <message>
        <source>Volunteer: {0} ({1})</source>
        <translation>Vrijwilliger: {0} ({1})</translation>
    </message>
    <message>
        <source>assigned anyway: {0}</source>
        <translation>toch ingedeeld: {0}</translation>
    </message>
    <message>
        <source>Time spent: {0}</source>
        <translation>Bestede tijd: {0}</translation>
    </message>
    <message>
        <source>Why is “{0}” cancelled?</source>
        <translation>Waarom wordt “{0}” geannuleerd?</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Klus annuleren</translation>
    </message>
</context>
<context>
    <name>LettersView</name>
    <message>
        <source>Templates</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>Print a batch</source>
        <translation>Brieven afdrukken</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Coop Desk is locked</source>
        <translation>Coop Desk is vergrendeld</translation>
    </message>
    <message>
        <source>Locked after a period without activity. {user}, type your password to continue.</source>
        <translation>Vergrendeld na een tijd zonder activiteit. {user}, typ uw wachtwoord om verder te gaan.</translation>
    </message>
    <message>
        <source>Your open windows and unsaved changes are kept.</source>
        <translation>Uw open vensters en niet-opgeslagen wijzigingen blijven bewaard.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Coop Desk - log in</source>
        <translation>Coop Desk - aanmelden</translation>
    </message>
    <message>
        <source>Log in with your user name and password.</source>
        <translation>Meld u aan met uw gebruikersnaam en wachtwoord.</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>U kunt het nu opnieuw proberen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New call</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>Database: {place}</source>
        <translation>Database: {place}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Consultation hour</source>
        <translation>Spreekuur</translation>
    </message>
    <message>
        <source>Help requests</source>
        <translation>Hulpvragen</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>Work groups</source>
        <translation>Werkgroepen</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brieven</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Aanbieders</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapportages</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Terugbellen</translation>
    </message>
    <message>
        <source>Have you called {name} back?

{about}</source>
        <translation>Hebt u {name} teruggebeld?

{about}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Import members from Excel…</source>
        <translation>Leden inlezen uit Excel…</translation>
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
        <source>&amp;Management</source>
        <translation>&amp;Beheer</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Gebruikers…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Reservekopieën…</translation>
    </message>
    <message>
        <source>&amp;Retention of old help requests…</source>
        <translation>&amp;Bewaartermijn oude hulpvragen…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>Scherm &amp;vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Self-test…</source>
        <translation>&amp;Zelftest…</translation>
    </message>
    <message>
        <source>Check that Coop Desk works on this computer (the office&apos;s data is not opened)</source>
        <translation>Controleren of Coop Desk op deze computer werkt (de gegevens van het kantoor worden niet geopend)</translation>
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
        <source>&lt;h3&gt;Coop Desk {version}&lt;/h3&gt;&lt;p&gt;The office program of a village care cooperative.&lt;/p&gt;&lt;p&gt;Database: {place}&lt;br&gt;Schema version: {schema}&lt;br&gt;Backups: {backups}&lt;br&gt;Log files: {logs}&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;If something does not work, the self-test checks this computer: Help → Self-test, or {self_test}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coop Desk {version}&lt;/h3&gt;&lt;p&gt;Het kantoorprogramma van een zorgcoöperatie in het dorp.&lt;/p&gt;&lt;p&gt;Database: {place}&lt;br&gt;Schemaversie: {schema}&lt;br&gt;Reservekopieën: {backups}&lt;br&gt;Logbestanden: {logs}&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;Werkt er iets niet, dan controleert de zelftest deze computer: Help → Zelftest, of {self_test}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start menu, Coop Desk self-test</source>
        <translation>Startmenu, Coop Desk zelftest</translation>
    </message>
    <message>
        <source>the command &lt;i&gt;coop-desk self-test&lt;/i&gt;</source>
        <translation>de opdracht &lt;i&gt;coop-desk self-test&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>MealAddDialog</name>
    <message>
        <source>Extra meal</source>
        <translation>Extra maaltijd</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>e.g. 17:30</source>
        <translation>bijv. 17:30</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>e.g. pea soup, stew, custard</source>
        <translation>bijv. erwtensoep, stamppot, vla</translation>
    </message>
</context>
<context>
    <name>MealEditDialog</name>
    <message>
        <source>Change meal</source>
        <translation>Maaltijd wijzigen</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>e.g. pea soup, stew, custard</source>
        <translation>bijv. erwtensoep, stamppot, vla</translation>
    </message>
    <message>
        <source>Price (€)</source>
        <translation>Prijs (€)</translation>
    </message>
    <message>
        <source>Maximum guests</source>
        <translation>Maximum aantal gasten</translation>
    </message>
    <message>
        <source>empty: no maximum</source>
        <translation>leeg: geen maximum</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>MealSignupDialog</name>
    <message>
        <source>Sign up a guest</source>
        <translation>Gast aanmelden</translation>
    </message>
    <message>
        <source>Places left: {0}</source>
        <translation>Nog vrije plaatsen: {0}</translation>
    </message>
    <message>
        <source>e.g. vegetarian, low salt</source>
        <translation>bijv. vegetarisch, zoutarm</translation>
    </message>
    <message>
        <source>e.g. nuts, gluten</source>
        <translation>bijv. noten, gluten</translation>
    </message>
    <message>
        <source>Has paid</source>
        <translation>Heeft betaald</translation>
    </message>
    <message>
        <source>Needs a ride</source>
        <translation>Heeft vervoer nodig</translation>
    </message>
    <message>
        <source>Diet and allergies left empty are taken from the guest&apos;s previous sign-up.</source>
        <translation>Lege velden voor dieet en allergieën worden overgenomen van de vorige aanmelding van deze gast.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Extra guests</source>
        <translation>Extra gasten</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Dieet</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Aanmelden</translation>
    </message>
</context>
<context>
    <name>MealsTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gasten</translation>
    </message>
    <message>
        <source>Cooks</source>
        <translation>Koks</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>no cook yet</source>
        <translation>nog geen kok</translation>
    </message>
    <message>
        <source>menu not known yet</source>
        <translation>menu nog niet bekend</translation>
    </message>
</context>
<context>
    <name>MealsWidget</name>
    <message>
        <source>Plan meals for this month</source>
        <translation>Maaltijden van deze maand plannen</translation>
    </message>
    <message>
        <source>Adds the meals of the group&apos;s weekly pattern; existing meals stay</source>
        <translation>Voegt de maaltijden volgens het weekpatroon van de groep toe; bestaande maaltijden blijven staan</translation>
    </message>
    <message>
        <source>Extra meal…</source>
        <translation>Extra maaltijd…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>+ extra</source>
        <translation>+ extra</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Dieet</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Vervoer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Sign up guest…</source>
        <translation>Gast aanmelden…</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Mark as paid</source>
        <translation>Markeer als betaald</translation>
    </message>
    <message>
        <source>Change meal…</source>
        <translation>Maaltijd wijzigen…</translation>
    </message>
    <message>
        <source>Cancel meal…</source>
        <translation>Maaltijd afzeggen…</translation>
    </message>
    <message>
        <source>No meals in {0} yet. Use “Plan meals for this month” to add them from the weekly pattern.</source>
        <translation>Nog geen maaltijden in {0}. Kies “Maaltijden van deze maand plannen” om ze volgens het weekpatroon toe te voegen.</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>Maaltijd</translation>
    </message>
    <message>
        <source>No meal chosen</source>
        <translation>Geen maaltijd gekozen</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>AFGEZEGD</translation>
    </message>
    <message>
        <source>menu not known yet</source>
        <translation>menu nog niet bekend</translation>
    </message>
    <message>
        <source>no cook yet</source>
        <translation>nog geen kok</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>geen maximum</translation>
    </message>
    <message>
        <source>at most {0}, {1} places left</source>
        <translation>maximaal {0}, nog {1} plaatsen vrij</translation>
    </message>
    <message>
        <source>Menu: {0}</source>
        <translation>Menu: {0}</translation>
    </message>
    <message>
        <source>Cooks: {0}</source>
        <translation>Koks: {0}</translation>
    </message>
    <message>
        <source>Guests: {0} ({1})</source>
        <translation>Gasten: {0} ({1})</translation>
    </message>
    <message>
        <source>Price {0} · received {1} · still to receive {2}</source>
        <translation>Prijs {0} · ontvangen {1} · nog te ontvangen {2}</translation>
    </message>
    <message numerus="yes">
        <source>Allergies: %n guest(s)</source>
        <translation>
            <numerusform>Allergieën: %n gast</numerusform>
            <numerusform>Allergieën: %n gasten</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Plan meals</source>
        <translation>Maaltijden plannen</translation>
    </message>
    <message numerus="yes">
        <source>%n meal(s) added.</source>
        <translation>
            <numerusform>%n maaltijd toegevoegd.</numerusform>
            <numerusform>%n maaltijden toegevoegd.</numerusform>
        </translation>
    </message>
    <message>
        <source>No meals added: every date of the pattern already has one (or the pattern has no cook).</source>
        <translation>Geen maaltijden toegevoegd: elke datum van het patroon heeft er al een (of het patroon heeft geen kok).</translation>
    </message>
    <message>
        <source>Take {0} off the guest list?</source>
        <translation>{0} van de gastenlijst halen?</translation>
    </message>
    <message>
        <source>Remove guest</source>
        <translation>Gast afmelden</translation>
    </message>
    <message>
        <source>Why is the meal of {0} cancelled? (The guests stay on the list so you can call them.)</source>
        <translation>Waarom gaat de maaltijd van {0} niet door? (De gasten blijven op de lijst, zodat u ze kunt bellen.)</translation>
    </message>
    <message>
        <source>Cancel meal</source>
        <translation>Maaltijd afzeggen</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Maaltijden</translation>
    </message>
</context>
<context>
    <name>MonthNavigator</name>
    <message>
        <source>Previous month</source>
        <translation>Vorige maand</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Volgende maand</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Wachtwoord nog een keer</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Kies een wachtwoord van minstens 8 tekens.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>PasswordResetDialog</name>
    <message>
        <source>New password for {user}</source>
        <translation>Nieuw wachtwoord voor {user}</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>Wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
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
    <message>
        <source>Who viewed this file?</source>
        <translation>Wie heeft dit dossier bekeken?</translation>
    </message>
    <message>
        <source>Privacy (AVG)…</source>
        <translation>Privacy (AVG)…</translation>
    </message>
    <message>
        <source>Consent, everything held about this person, or erase them</source>
        <translation>Toestemmingen, alles wat we van deze persoon bewaren, of de persoon wissen</translation>
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
        <source>print again</source>
        <translation>opnieuw afdrukken</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Verstuurde brieven</translation>
    </message>
    <message>
        <source>Save letter</source>
        <translation>Brief opslaan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
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
    <name>PersonChooser</name>
    <message>
        <source>Search a person by name, address or postcode</source>
        <translation>Zoek een persoon op naam, adres of postcode</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>geen adres</translation>
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
        <source>You have changed this person. Close without saving?</source>
        <translation>U hebt deze persoon gewijzigd. Sluiten zonder op te slaan?</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>The preview could not be made.</source>
        <translation>Het voorbeeld kon niet worden gemaakt.</translation>
    </message>
    <message>
        <source>There is no preview until this is put right:</source>
        <translation>Er is geen voorbeeld tot dit is verbeterd:</translation>
    </message>
</context>
<context>
    <name>PrintPackDialog</name>
    <message>
        <source>Print {group}</source>
        <translation>{group} printen</translation>
    </message>
    <message>
        <source>Rota (landscape table)</source>
        <translation>Rooster (liggende tabel)</translation>
    </message>
    <message>
        <source>Driver day sheets</source>
        <translation>Chauffeursbladen per dag</translation>
    </message>
    <message>
        <source>Kitchen lists</source>
        <translation>Keukenlijsten</translation>
    </message>
    <message>
        <source>Job sheets</source>
        <translation>Klusbladen</translation>
    </message>
    <message>
        <source>Attendance lists</source>
        <translation>Presentielijsten</translation>
    </message>
    <message>
        <source>Personal schedule letter per volunteer</source>
        <translation>Persoonlijke roosterbrief per vrijwilliger</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Volgende maand</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Wat printen</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Printen…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Afdrukvoorbeeld…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Opslaan als Excel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Vorige pagina</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Volgende pagina ▶</translation>
    </message>
    <message>
        <source>Rota {group} {start} to {end}</source>
        <translation>Rooster {group} {start} t/m {end}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) ready to print.</source>
        <translation>
            <numerusform>%n pagina klaar om te printen.</numerusform>
            <numerusform>%n pagina&apos;s klaar om te printen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No letter for (no address known): {names}</source>
        <translation>Geen brief voor (geen adres bekend): {names}</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Pagina {page} van {count}</translation>
    </message>
    <message>
        <source>The pages could not be sent to the printer.</source>
        <translation>De pagina&apos;s konden niet naar de printer worden gestuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n pagina naar de printer gestuurd.</numerusform>
            <numerusform>%n pagina&apos;s naar de printer gestuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Save as Excel</source>
        <translation>Opslaan als Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not write {file} ({error}).</source>
        <translation>Kan {file} niet schrijven ({error}).</translation>
    </message>
    <message>
        <source>Saved in {file}.</source>
        <translation>Opgeslagen in {file}.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print {title}</source>
        <translation>{title} afdrukken</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>Afdrukvoorbeeld: {title}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy: {name}</source>
        <translation>Privacy: {name}</translation>
    </message>
    <message>
        <source>Privacy rights (AVG) of {name}, person number {number}.</source>
        <translation>Privacyrechten (AVG) van {name}, persoonsnummer {number}.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Note with the next change (optional), e.g. &apos;by phone&apos;</source>
        <translation>Toelichting bij de volgende wijziging (optioneel), bijv. &apos;telefonisch&apos;</translation>
    </message>
    <message>
        <source>Data export</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <source>Everything held about this person, including who viewed their file, as a JSON file and a readable PDF in a folder of your choice.</source>
        <translation>Alles wat over deze persoon bewaard wordt, ook wie het dossier heeft bekeken, als JSON-bestand en leesbare PDF in een map naar keuze.</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Gegevens exporteren…</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Erasing removes the name, address, phone numbers, notes, letters and consent of this person everywhere, also from the search index and the database file. Help requests, rides and other counts stay for the reports, without the name. A backup is made first. This cannot be undone.</source>
        <translation>Wissen verwijdert de naam, het adres, de telefoonnummers, notities, brieven en toestemmingen van deze persoon overal, ook uit de zoekindex en het databasebestand. Hulpvragen, ritten en andere tellingen blijven voor de rapportages, zonder naam. Eerst wordt een back-up gemaakt. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Type the person number ({number}) to confirm</source>
        <translation>Typ het persoonsnummer ({number}) om te bevestigen</translation>
    </message>
    <message>
        <source>Erase permanently</source>
        <translation>Definitief wissen</translation>
    </message>
    <message>
        <source>Only a beheerder may erase a person.</source>
        <translation>Alleen een beheerder mag een persoon wissen.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>given</source>
        <translation>gegeven</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ingetrokken</translation>
    </message>
    <message>
        <source>{state} on {date} by {user}</source>
        <translation>{state} op {date} door {user}</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Toestemming opgeslagen.</translation>
    </message>
    <message>
        <source>Folder for the data export</source>
        <translation>Map voor de gegevensexport</translation>
    </message>
    <message>
        <source>Exported to {json} and {pdf}.</source>
        <translation>Geëxporteerd naar {json} en {pdf}.</translation>
    </message>
    <message>
        <source>The person has been erased. Counts for reports were kept.</source>
        <translation>De persoon is gewist. De tellingen voor rapportages zijn bewaard.</translation>
    </message>
    <message>
        <source>Backup made first: {path}</source>
        <translation>Vooraf is een back-up gemaakt: {path}</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>New provider</source>
        <translation>Nieuwe aanbieder</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bewerken</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Naam *</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>Werkgebied</translation>
    </message>
    <message>
        <source>e.g. Zeist and villages</source>
        <translation>bijv. Zeist en kernen</translation>
    </message>
    <message>
        <source>KvK number</source>
        <translation>KvK-nummer</translation>
    </message>
    <message>
        <source>AGB code</source>
        <translation>AGB-code</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Diensten</translation>
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
        <source>Contact</source>
        <translation>Contact</translation>
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
        <source>Contact people</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
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
        <source>Row {row}: {message}</source>
        <translation>Regel {row}: {message}</translation>
    </message>
    <message>
        <source>You have changed this provider. Close without saving?</source>
        <translation>U hebt deze aanbieder gewijzigd. Sluiten zonder op te slaan?</translation>
    </message>
</context>
<context>
    <name>ProvidersTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Diensten</translation>
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
        <source>Contracts</source>
        <translation>Contracten</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Volgende termijn</translation>
    </message>
    <message>
        <source>Active contracts</source>
        <translation>Lopende contracten</translation>
    </message>
    <message>
        <source>The next last cancellation date or end date within 90 days</source>
        <translation>De eerstvolgende uiterste opzegdatum of einddatum binnen 90 dagen</translation>
    </message>
</context>
<context>
    <name>ProvidersView</name>
    <message>
        <source>Search by name, place or contact person (Ctrl+F)</source>
        <translation>Zoek op naam, plaats of contactpersoon (Ctrl+F)</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle diensten</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Nieuwe aanbieder</translation>
    </message>
    <message>
        <source>Print overview</source>
        <translation>Overzicht afdrukken</translation>
    </message>
    <message>
        <source>All providers with their contacts and contracts, as a PDF</source>
        <translation>Alle aanbieders met contactpersonen en contracten, als PDF</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Printen…</translation>
    </message>
    <message>
        <source>Providers to Excel…</source>
        <translation>Aanbieders naar Excel…</translation>
    </message>
    <message>
        <source>Contracts to Excel…</source>
        <translation>Contracten naar Excel…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>Nieuw contract</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>%n provider(s)</source>
        <translation>
            <numerusform>%n aanbieder</numerusform>
            <numerusform>%n aanbieders</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a provider to see its contacts, contracts and referrals.</source>
        <translation>Kies een aanbieder om contactpersonen, contracten en doorverwijzingen te zien.</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>Werkgebied</translation>
    </message>
    <message>
        <source>KvK</source>
        <translation>KvK</translation>
    </message>
    <message>
        <source>AGB</source>
        <translation>AGB</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracten</translation>
    </message>
    <message>
        <source>No contracts yet.</source>
        <translation>Nog geen contracten.</translation>
    </message>
    <message>
        <source>Referred help requests</source>
        <translation>Doorverwezen hulpvragen</translation>
    </message>
    <message>
        <source>No help requests referred yet.</source>
        <translation>Nog geen hulpvragen doorverwezen.</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per maand</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Looptijd</translation>
    </message>
    <message>
        <source>Cancel before</source>
        <translation>Opzeggen vóór</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>onbepaalde tijd</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract not found</source>
        <translation>Contract niet gevonden</translation>
    </message>
    <message>
        <source>Delete provider</source>
        <translation>Aanbieder verwijderen</translation>
    </message>
    <message>
        <source>Delete {name}? This cannot be undone.</source>
        <translation>{name} verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Niet verwijderd</translation>
    </message>
    <message>
        <source>No overview</source>
        <translation>Geen overzicht</translation>
    </message>
    <message>
        <source>Save overview</source>
        <translation>Overzicht opslaan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Could not write {file} ({error}). Is it still open?</source>
        <translation>Kon {file} niet opslaan ({error}). Is het bestand nog geopend?</translation>
    </message>
    <message>
        <source>Providers overview</source>
        <translation>Overzicht aanbieders</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>Rapportages</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Heel jaar</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Eigen periode</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>Counts from 1 up to this number are shown as &apos;&lt;number&apos; so that no one can be recognised.</source>
        <translation>Aantallen van 1 tot dit getal worden getoond als &apos;&lt;getal&apos;, zodat niemand herkenbaar is.</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>Rapportage maken</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Opslaan als Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Smallest count shown</source>
        <translation>Kleinste getoonde aantal</translation>
    </message>
    <message>
        <source>Choose a period and click &apos;Make report&apos;.</source>
        <translation>Kies een periode en klik op &apos;Rapportage maken&apos;.</translation>
    </message>
    <message>
        <source>Fill in a date.</source>
        <translation>Vul een datum in.</translation>
    </message>
    <message>
        <source>The end date lies before the start date.</source>
        <translation>De einddatum ligt vóór de begindatum.</translation>
    </message>
    <message>
        <source>{name} — report {start} to {end}</source>
        <translation>{name} — rapportage {start} tot en met {end}</translation>
    </message>
    <message>
        <source>Counts from 1 to {below} are shown as &lt;{threshold} and are not drawn in the charts, so that no one can be recognised. Made on {made}.</source>
        <translation>Aantallen van 1 tot en met {below} staan er als &lt;{threshold} en worden niet getekend in de grafieken, zodat niemand herkenbaar is. Gemaakt op {made}.</translation>
    </message>
    <message>
        <source>All counts are shown as they are. Made on {made}.</source>
        <translation>Alle aantallen staan er zoals ze zijn. Gemaakt op {made}.</translation>
    </message>
    <message>
        <source>Calls (spreekuur)</source>
        <translation>Gesprekken (spreekuur)</translation>
    </message>
    <message>
        <source>New help requests</source>
        <translation>Nieuwe hulpvragen</translation>
    </message>
    <message>
        <source>Closed help requests</source>
        <translation>Afgesloten hulpvragen</translation>
    </message>
    <message>
        <source>Open at the end of the period</source>
        <translation>Open aan het eind van de periode</translation>
    </message>
    <message>
        <source>Average days to closure</source>
        <translation>Gemiddeld aantal dagen tot afsluiting</translation>
    </message>
    <message>
        <source>Members at the end</source>
        <translation>Leden aan het eind</translation>
    </message>
    <message>
        <source>Members joined</source>
        <translation>Nieuwe leden</translation>
    </message>
    <message>
        <source>Members left</source>
        <translation>Opgezegde leden</translation>
    </message>
    <message>
        <source>Active volunteers</source>
        <translation>Actieve vrijwilligers</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>Vrijwilligersuren</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Ritten</translation>
    </message>
    <message>
        <source>Kilometres driven</source>
        <translation>Gereden kilometers</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Maaltijden</translation>
    </message>
    <message>
        <source>Meal guests</source>
        <translation>Maaltijdgasten</translation>
    </message>
    <message>
        <source>Odd jobs done</source>
        <translation>Klussen gedaan</translation>
    </message>
    <message>
        <source>Hours on odd jobs</source>
        <translation>Uren aan klussen</translation>
    </message>
    <message>
        <source>Activity sessions</source>
        <translation>Activiteiten (bijeenkomsten)</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Deelnames</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per maand</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>A gap in a line is a month with a count below {threshold}.</source>
        <translation>Een onderbreking in een lijn is een maand met een aantal onder {threshold}.</translation>
    </message>
    <message>
        <source>Trend per month</source>
        <translation>Verloop per maand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Calls per category</source>
        <translation>Gesprekken per categorie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Referrals per route</source>
        <translation>Doorverwijzingen per route</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Doorverwijzingen</translation>
    </message>
    <message>
        <source>Self-reliance at intake and at closure (1–5)</source>
        <translation>Zelfredzaamheid bij intake en bij afsluiting (1–5)</translation>
    </message>
    <message>
        <source>At intake</source>
        <translation>Bij intake</translation>
    </message>
    <message>
        <source>At closure</source>
        <translation>Bij afsluiting</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Hulpvragen</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Afsluiting</translation>
    </message>
    <message>
        <source>Closed requests with a score at intake and at closure; domains with fewer than {threshold} requests are not drawn.</source>
        <translation>Afgesloten hulpvragen met een score bij intake en bij afsluiting; domeinen met minder dan {threshold} hulpvragen worden niet getekend.</translation>
    </message>
    <message>
        <source>Self-reliance</source>
        <translation>Zelfredzaamheid</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Rapportage opslaan</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Could not write {file} ({error}). Is it still open?</source>
        <translation>Kon {file} niet opslaan ({error}). Is het bestand nog geopend?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>The report was saved as:
{path}</source>
        <translation>De rapportage is opgeslagen als:
{path}</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention of help requests</source>
        <translation>Bewaartermijn van hulpvragen</translation>
    </message>
    <message>
        <source>Help requests closed longer ago than the retention period are anonymised: their texts, timeline and call notes are blanked and the client is detached. The counts for reports remain.</source>
        <translation>Hulpvragen die langer dan de bewaartermijn geleden zijn afgerond, worden geanonimiseerd: teksten, tijdlijn en gespreksnotities worden gewist en de hulpvrager wordt losgekoppeld. De tellingen voor rapportages blijven.</translation>
    </message>
    <message>
        <source>year(s)</source>
        <translation>jaar</translation>
    </message>
    <message>
        <source>Save period</source>
        <translation>Termijn opslaan</translation>
    </message>
    <message>
        <source>Keep closed help requests for</source>
        <translation>Afgeronde hulpvragen bewaren:</translation>
    </message>
    <message>
        <source>Anonymise now</source>
        <translation>Nu anonimiseren</translation>
    </message>
    <message numerus="yes">
        <source>%n help request(s) would be anonymised now.</source>
        <translation>
            <numerusform>%n hulpvraag zou nu worden geanonimiseerd.</numerusform>
            <numerusform>%n hulpvragen zouden nu worden geanonimiseerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymise help requests</source>
        <translation>Hulpvragen anonimiseren</translation>
    </message>
    <message numerus="yes">
        <source>Anonymise %n help request(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%n hulpvraag anonimiseren? Dit kan niet ongedaan worden gemaakt.</numerusform>
            <numerusform>%n hulpvragen anonimiseren? Dit kan niet ongedaan worden gemaakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention period saved: {years} year(s).</source>
        <translation>Bewaartermijn opgeslagen: {years} jaar.</translation>
    </message>
    <message numerus="yes">
        <source>%n help request(s) anonymised.</source>
        <translation>
            <numerusform>%n hulpvraag geanonimiseerd.</numerusform>
            <numerusform>%n hulpvragen geanonimiseerd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionTableModel</name>
    <message>
        <source>Help request</source>
        <translation>Hulpvraag</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Afgerond op</translation>
    </message>
</context>
<context>
    <name>RideDialog</name>
    <message>
        <source>New ride</source>
        <translation>Nieuwe rit</translation>
    </message>
    <message>
        <source>Change ride</source>
        <translation>Rit wijzigen</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Passagier</translation>
    </message>
    <message>
        <source>Pick up at the home address</source>
        <translation>Ophalen op het woonadres</translation>
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
        <source>Notes for the driver</source>
        <translation>Opmerkingen voor de chauffeur</translation>
    </message>
    <message>
        <source>e.g. ring twice, walks slowly, pay in cash</source>
        <translation>bijv. twee keer aanbellen, loopt langzaam, betaalt contant</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Rit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Pickup time</source>
        <translation>Ophaaltijd</translation>
    </message>
    <message>
        <source>e.g. 9:30</source>
        <translation>bijv. 9:30</translation>
    </message>
    <message>
        <source>Choose a frequent destination or type one</source>
        <translation>Kies een vaste bestemming of typ er een</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Bestemming</translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation>Adres bestemming</translation>
    </message>
    <message>
        <source>Keep as a frequent destination</source>
        <translation>Bewaren als vaste bestemming</translation>
    </message>
    <message>
        <source>Appointment time</source>
        <translation>Tijd afspraak</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>niet verplicht</translation>
    </message>
    <message>
        <source>No return trip</source>
        <translation>Geen terugreis</translation>
    </message>
    <message>
        <source>Return trip (picked up later)</source>
        <translation>Retour (later weer opgehaald)</translation>
    </message>
    <message>
        <source>The driver waits</source>
        <translation>Chauffeur wacht</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Terugreis</translation>
    </message>
    <message>
        <source>Return time</source>
        <translation>Tijd terugreis</translation>
    </message>
    <message>
        <source>e.g. 11:30</source>
        <translation>bijv. 11:30</translation>
    </message>
    <message>
        <source>Rollator</source>
        <translation>Rollator</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Rolstoel</translation>
    </message>
    <message>
        <source>Mobility scooter</source>
        <translation>Scootmobiel</translation>
    </message>
    <message>
        <source>Guide dog</source>
        <translation>Blindengeleidehond</translation>
    </message>
    <message>
        <source>Aids</source>
        <translation>Hulpmiddelen</translation>
    </message>
    <message>
        <source>who comes along, e.g. daughter Els</source>
        <translation>wie gaat er mee, bijv. dochter Els</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Begeleider</translation>
    </message>
    <message>
        <source>Save ride</source>
        <translation>Rit opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Choose the passenger in the list.</source>
        <translation>Kies de passagier in de lijst.</translation>
    </message>
    <message>
        <source>Home address: {address}</source>
        <translation>Woonadres: {address}</translation>
    </message>
    <message>
        <source>No home address known: type the pickup address.</source>
        <translation>Geen woonadres bekend: typ het ophaaladres.</translation>
    </message>
</context>
<context>
    <name>RidesTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Ophalen</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Passagier</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Terugreis</translation>
    </message>
    <message>
        <source>Aids</source>
        <translation>Hulpmiddelen</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Chauffeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Ingepland</translation>
    </message>
    <message>
        <source>Driven</source>
        <translation>Gereden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>rollator</source>
        <translation>rollator</translation>
    </message>
    <message>
        <source>wheelchair</source>
        <translation>rolstoel</translation>
    </message>
    <message>
        <source>mobility scooter</source>
        <translation>scootmobiel</translation>
    </message>
    <message>
        <source>guide dog</source>
        <translation>blindengeleidehond</translation>
    </message>
    <message>
        <source>— no driver</source>
        <translation>— geen chauffeur</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>wacht</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Telefoon: {phone}</translation>
    </message>
</context>
<context>
    <name>RidesWidget</name>
    <message>
        <source>Rides</source>
        <translation>Ritten</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Vorige</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Volgende ▶</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>New ride…</source>
        <translation>Nieuwe rit…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Assign driver…</source>
        <translation>Chauffeur toewijzen…</translation>
    </message>
    <message>
        <source>Completed (km)…</source>
        <translation>Gereden (km)…</translation>
    </message>
    <message>
        <source>Cancel ride</source>
        <translation>Rit annuleren</translation>
    </message>
    <message>
        <source>Monthly statements…</source>
        <translation>Maandoverzichten…</translation>
    </message>
    <message>
        <source>Week {week}: {start} to {end}</source>
        <translation>Week {week}: {start} t/m {end}</translation>
    </message>
    <message>
        <source>There is no rides group yet; add one under Groups.</source>
        <translation>Er is nog geen werkgroep voor ritten; voeg er een toe bij Werkgroepen.</translation>
    </message>
    <message>
        <source>No rides in this period.</source>
        <translation>Geen ritten in deze periode.</translation>
    </message>
    <message numerus="yes">
        <source>%n ride(s)</source>
        <translation>
            <numerusform>%n rit</numerusform>
            <numerusform>%n ritten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a driver</source>
        <translation>
            <numerusform>%n zonder chauffeur</numerusform>
            <numerusform>%n zonder chauffeur</numerusform>
        </translation>
    </message>
    <message>
        <source>Monthly statements</source>
        <translation>Maandoverzichten</translation>
    </message>
    <message>
        <source>Ride statements {month} {year}</source>
        <translation>Ritoverzichten {month} {year}</translation>
    </message>
    <message>
        <source>Save statements</source>
        <translation>Overzichten opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the file: {error}</source>
        <translation>Het bestand kon niet worden opgeslagen: {error}</translation>
    </message>
</context>
<context>
    <name>RotaTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>(anyway)</source>
        <translation>(toch)</translation>
    </message>
</context>
<context>
    <name>RotaWidget</name>
    <message>
        <source>Plan this month</source>
        <translation>Deze maand plannen</translation>
    </message>
    <message>
        <source>Make this group&apos;s shifts for the month and fill the open places fairly; changes by hand stay</source>
        <translation>De diensten van deze groep voor de maand maken en de open plaatsen eerlijk vullen; wijzigingen met de hand blijven staan</translation>
    </message>
    <message>
        <source>Plan all groups</source>
        <translation>Alle groepen plannen</translation>
    </message>
    <message>
        <source>Plan this month for every active work group at once</source>
        <translation>Deze maand voor alle actieve werkgroepen tegelijk plannen</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Indelen…</translation>
    </message>
    <message>
        <source>Put volunteers on the selected shift or take them off (double-click)</source>
        <translation>Vrijwilligers op de gekozen dienst zetten of eraf halen (dubbelklikken)</translation>
    </message>
    <message>
        <source>Click a line to select its shift; double-click the shift to solve it</source>
        <translation>Klik op een regel om de dienst te kiezen; dubbelklik op de dienst om het op te lossen</translation>
    </message>
    <message>
        <source>Choose a work group to see its rota.</source>
        <translation>Kies een werkgroep om het rooster te zien.</translation>
    </message>
    <message>
        <source>No shifts in this month yet. “Plan this month” makes them from the group&apos;s recurring shifts and fills them with volunteers.</source>
        <translation>Nog geen diensten in deze maand. “Deze maand plannen” maakt ze uit de vaste diensten van de groep en deelt er vrijwilligers op in.</translation>
    </message>
    <message>
        <source>No conflicts: every shift is filled.</source>
        <translation>Geen knelpunten: elke dienst is gevuld.</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) not filled</source>
        <translation>
            <numerusform>%n dienst niet gevuld</numerusform>
            <numerusform>%n diensten niet gevuld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) with volunteers</source>
        <translation>
            <numerusform>%n knelpunt met vrijwilligers</numerusform>
            <numerusform>%n knelpunten met vrijwilligers</numerusform>
        </translation>
    </message>
    <message>
        <source>{month} planned for all groups: {shifts} new shifts, {assigned} volunteers assigned.</source>
        <translation>{month} gepland voor alle groepen: {shifts} nieuwe diensten, {assigned} keer een vrijwilliger ingedeeld.</translation>
    </message>
    <message>
        <source>{month} planned: {shifts} new shifts, {assigned} volunteers assigned.</source>
        <translation>{month} gepland: {shifts} nieuwe diensten, {assigned} keer een vrijwilliger ingedeeld.</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) could not be filled.</source>
        <translation>
            <numerusform>%n dienst kon niet gevuld worden.</numerusform>
            <numerusform>%n diensten konden niet gevuld worden.</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} {name} skipped</source>
        <translation>{day} {name} overgeslagen</translation>
    </message>
    <message>
        <source>{day} closed ({why})</source>
        <translation>{day} gesloten ({why})</translation>
    </message>
</context>
<context>
    <name>ScoresDialog</name>
    <message>
        <source>Record self-reliance</source>
        <translation>Zelfredzaamheid vastleggen</translation>
    </message>
    <message>
        <source>At intake</source>
        <translation>Bij intake</translation>
    </message>
    <message>
        <source>At closure</source>
        <translation>Bij afsluiting</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>1 = acute problems, 5 = fully self-reliant; – = not scored</source>
        <translation>1 = acute problematiek, 5 = volledig zelfredzaam; – = niet gescoord</translation>
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
        <source>Score each life domain from 1 (acute problems) to 5 (fully self-reliant).</source>
        <translation>Scoor elk leefgebied van 1 (acute problematiek) tot 5 (volledig zelfredzaam).</translation>
    </message>
</context>
<context>
    <name>SelfTestDialog</name>
    <message>
        <source>Self-test</source>
        <translation>Zelftest</translation>
    </message>
    <message>
        <source>Checking this computer; this takes a few seconds…</source>
        <translation>Deze computer wordt gecontroleerd; dat duurt een paar seconden…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Self-test passed: Coop Desk works on this computer.</source>
        <translation>Zelftest geslaagd: Coop Desk werkt op deze computer.</translation>
    </message>
    <message>
        <source>Self-test failed: see the lines marked FOUT.</source>
        <translation>Zelftest mislukt: zie de regels met FOUT.</translation>
    </message>
</context>
<context>
    <name>SessionEnrollDialog</name>
    <message>
        <source>Enroll participant</source>
        <translation>Deelnemer inschrijven</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <source>Takes part from</source>
        <translation>Doet mee vanaf</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>e.g. comes with a rollator</source>
        <translation>bijv. komt met rollator</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inschrijven</translation>
    </message>
</context>
<context>
    <name>SessionsTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>Begeleiders</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>no leader yet</source>
        <translation>nog geen begeleider</translation>
    </message>
</context>
<context>
    <name>SessionsWidget</name>
    <message>
        <source>Plan sessions for this month</source>
        <translation>Bijeenkomsten van deze maand plannen</translation>
    </message>
    <message>
        <source>Adds the sessions of the group&apos;s weekly pattern; existing ones stay</source>
        <translation>Voegt de bijeenkomsten volgens het weekpatroon van de groep toe; bestaande blijven staan</translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation>Bijeenkomst afzeggen…</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Everyone present</source>
        <translation>Iedereen aanwezig</translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation>Aanwezigheid opslaan</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Enroll…</source>
        <translation>Inschrijven…</translation>
    </message>
    <message>
        <source>Leaves…</source>
        <translation>Stopt…</translation>
    </message>
    <message>
        <source>No sessions in {0} yet. Use “Plan sessions for this month” to add them.</source>
        <translation>Nog geen bijeenkomsten in {0}. Kies “Bijeenkomsten van deze maand plannen” om ze toe te voegen.</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>sinds {0}</translation>
    </message>
    <message numerus="yes">
        <source>Participants (%n)</source>
        <translation>
            <numerusform>Deelnemers (%n)</numerusform>
            <numerusform>Deelnemers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <source>No session chosen</source>
        <translation>Geen bijeenkomst gekozen</translation>
    </message>
    <message>
        <source>This session was cancelled.</source>
        <translation>Deze bijeenkomst is afgezegd.</translation>
    </message>
    <message>
        <source>Attendance can be taken on the day itself.</source>
        <translation>De aanwezigheid kan op de dag zelf worden opgenomen.</translation>
    </message>
    <message>
        <source>Attendance taken: {0} of {1} present.</source>
        <translation>Aanwezigheid opgenomen: {0} van {1} aanwezig.</translation>
    </message>
    <message>
        <source>Tick who was there and press “Save attendance”.</source>
        <translation>Vink aan wie er was en kies “Aanwezigheid opslaan”.</translation>
    </message>
    <message>
        <source>Plan sessions</source>
        <translation>Bijeenkomsten plannen</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) added.</source>
        <translation>
            <numerusform>%n bijeenkomst toegevoegd.</numerusform>
            <numerusform>%n bijeenkomsten toegevoegd.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions added: every date of the pattern already has one.</source>
        <translation>Geen bijeenkomsten toegevoegd: elke datum van het patroon heeft er al een.</translation>
    </message>
    <message>
        <source>Why is the session of {0} cancelled?</source>
        <translation>Waarom gaat de bijeenkomst van {0} niet door?</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Bijeenkomst afzeggen</translation>
    </message>
    <message>
        <source>Last day {0} takes part (dd-mm-yyyy):</source>
        <translation>Laatste dag dat {0} meedoet (dd-mm-jjjj):</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>Stopt</translation>
    </message>
</context>
<context>
    <name>StatementsDialog</name>
    <message>
        <source>Monthly statements</source>
        <translation>Maandoverzichten</translation>
    </message>
    <message>
        <source>Drivers and passengers</source>
        <translation>Chauffeurs en passagiers</translation>
    </message>
    <message>
        <source>Drivers only (mileage allowance)</source>
        <translation>Alleen chauffeurs (kilometervergoeding)</translation>
    </message>
    <message>
        <source>Passengers only (contribution)</source>
        <translation>Alleen passagiers (eigen bijdrage)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Statements for</source>
        <translation>Overzichten voor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Afdrukvoorbeeld…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>e.g. alv_datum, alv_tijd (filled in when printing)</source>
        <translation>bijv. alv_datum, alv_tijd (in te vullen bij het afdrukken)</translation>
    </message>
    <message>
        <source>Fields of this template whose value is typed in once per batch, separated by commas</source>
        <translation>Velden van dit sjabloon waarvan u de waarde één keer per reeks brieven invult, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Batch fields</source>
        <translation>Eigen velden</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Gaat naar</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Vet</translation>
    </message>
    <message>
        <source>Put **…** around the selected text: printed bold (Ctrl+B)</source>
        <translation>Zet **…** om de gekozen tekst: wordt vet gedrukt (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursief</translation>
    </message>
    <message>
        <source>Put *…* around the selected text: printed in italics (Ctrl+I)</source>
        <translation>Zet *…* om de gekozen tekst: wordt cursief gedrukt (Ctrl+I)</translation>
    </message>
    <message>
        <source>Put a merge field at the cursor; it is filled in for every letter</source>
        <translation>Zet een veld op de plaats van de cursor; het wordt voor elke brief ingevuld</translation>
    </message>
    <message>
        <source>The letter text. An empty line starts a new paragraph; **bold**, *italic*, {{field}}.</source>
        <translation>De tekst van de brief. Een lege regel begint een nieuwe alinea; **vet**, *cursief*, {{veld}}.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save this template (Ctrl+S)</source>
        <translation>Dit sjabloon opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Restore standard text</source>
        <translation>Standaardtekst terugzetten</translation>
    </message>
    <message>
        <source>Put back the text that came with the program</source>
        <translation>Zet de tekst terug die met het programma is meegeleverd</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>Voorbeeld voor</translation>
    </message>
    <message>
        <source>Insert field…</source>
        <translation>Invoegveld…</translation>
    </message>
    <message>
        <source>batch field, typed in when printing</source>
        <translation>eigen veld, in te vullen bij het afdrukken</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>The template {name} has changes that are not saved. Discard them?</source>
        <translation>Het sjabloon {name} heeft wijzigingen die niet zijn opgeslagen. Wilt u ze weggooien?</translation>
    </message>
    <message>
        <source>Template not found</source>
        <translation>Sjabloon niet gevonden</translation>
    </message>
    <message>
        <source>one letter per household</source>
        <translation>één brief per huishouden</translation>
    </message>
    <message>
        <source>one letter per person</source>
        <translation>één brief per persoon</translation>
    </message>
    <message>
        <source>Not saved: put right what is shown in red first.</source>
        <translation>Niet opgeslagen: verbeter eerst wat in rood staat.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Your text is still in the editor. Save again to replace the other version with yours, or choose the template again in the list to see the other version.</source>
        <translation>Uw tekst staat nog in het scherm. Klik nogmaals op Opslaan om de andere versie door de uwe te vervangen, of kies het sjabloon opnieuw in de lijst om de andere versie te zien.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Door iemand anders gewijzigd</translation>
    </message>
    <message>
        <source>Replace the text of {name} with the standard text that came with the program? Your own wording of this template is lost.</source>
        <translation>De tekst van {name} vervangen door de standaardtekst die met het programma is meegeleverd? Uw eigen tekst van dit sjabloon gaat dan verloren.</translation>
    </message>
    <message>
        <source>The standard text is back.</source>
        <translation>De standaardtekst staat er weer.</translation>
    </message>
    <message>
        <source>Choose a template on the left.</source>
        <translation>Kies links een sjabloon.</translation>
    </message>
    <message>
        <source>Choose a person above to see the letter as it will be printed.</source>
        <translation>Kies hierboven een persoon om de brief te zien zoals hij wordt afgedrukt.</translation>
    </message>
    <message>
        <source>{name} — page 1</source>
        <translation>{name} — pagina 1</translation>
    </message>
</context>
<context>
    <name>TodayCards</name>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Terugbellen</translation>
    </message>
    <message>
        <source>No callbacks due today.</source>
        <translation>Vandaag hoeft er niemand teruggebeld te worden.</translation>
    </message>
    <message>
        <source>on behalf of {name}</source>
        <translation>namens {name}</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Gesprekken vandaag</translation>
    </message>
    <message>
        <source>No calls registered today yet.</source>
        <translation>Vandaag zijn nog geen gesprekken geregistreerd.</translation>
    </message>
    <message>
        <source>New help requests this week</source>
        <translation>Nieuwe hulpvragen deze week</translation>
    </message>
    <message>
        <source>No new help requests this week.</source>
        <translation>Deze week nog geen nieuwe hulpvragen.</translation>
    </message>
    <message>
        <source>no driver yet</source>
        <translation>nog geen chauffeur</translation>
    </message>
    <message>
        <source>Driver: {name}</source>
        <translation>Chauffeur: {name}</translation>
    </message>
    <message>
        <source>Rides today and tomorrow</source>
        <translation>Ritten vandaag en morgen</translation>
    </message>
    <message>
        <source>No rides today or tomorrow.</source>
        <translation>Geen ritten vandaag of morgen.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>no cooks yet</source>
        <translation>nog geen koks</translation>
    </message>
    <message>
        <source>{places} guests — cooks: {cooks}</source>
        <translation>{places} gasten — koks: {cooks}</translation>
    </message>
    <message>
        <source>Meals this week</source>
        <translation>Maaltijden deze week</translation>
    </message>
    <message>
        <source>No communal meals this week.</source>
        <translation>Geen gezamenlijke maaltijden deze week.</translation>
    </message>
    <message>
        <source>no VOG registered</source>
        <translation>geen VOG geregistreerd</translation>
    </message>
    <message>
        <source>VOG expired</source>
        <translation>VOG verlopen</translation>
    </message>
    <message>
        <source>VOG expires soon</source>
        <translation>VOG verloopt binnenkort</translation>
    </message>
    <message>
        <source>VOG to renew</source>
        <translation>VOG vernieuwen</translation>
    </message>
    <message>
        <source>Every VOG is in order.</source>
        <translation>Alle VOG&apos;s zijn in orde.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Refresh (F5)</source>
        <translation>Verversen (F5)</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>Gebruiker toevoegen</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Gebruiker wijzigen</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Volledige &amp;naam</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>Wachtwoord &amp;herhalen</translation>
    </message>
    <message>
        <source>Work &amp;groups</source>
        <translation>Werk&amp;groepen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>UserManagementDialog</name>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Who may work with Coop Desk, and in which role. A coordinator only sees the volunteers and schedules of their own work groups; the board only sees reports.</source>
        <translation>Wie met Coop Desk mag werken, en in welke rol. Een coördinator ziet alleen de vrijwilligers en roosters van de eigen werkgroepen; het bestuur ziet alleen rapportages.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Laatst aangemeld</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>Gebruiker &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Change role…</source>
        <translation>&amp;Rol wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Nieuw wachtwoord…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Uitschakelen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
</context>
<context>
    <name>ViewedByDialog</name>
    <message>
        <source>Who viewed this file?</source>
        <translation>Wie heeft dit dossier bekeken?</translation>
    </message>
    <message>
        <source>Everyone who viewed or changed the file of {name}, newest first.</source>
        <translation>Iedereen die het dossier van {name} heeft bekeken of gewijzigd, nieuwste eerst.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies). Opening this list is recorded too.</source>
        <translation>
            <numerusform>%n regel. Ook het openen van deze lijst wordt vastgelegd.</numerusform>
            <numerusform>%n regels. Ook het openen van deze lijst wordt vastgelegd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing recorded about this person yet.</source>
        <translation>Over deze persoon is nog niets vastgelegd.</translation>
    </message>
</context>
<context>
    <name>ViewedByModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Werkplek</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Volunteer {name}</source>
        <translation>Vrijwilliger {name}</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>Nieuwe vrijwilliger</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
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
        <source>cook</source>
        <translation>kok</translation>
    </message>
    <message>
        <source>driver</source>
        <translation>chauffeur</translation>
    </message>
    <message>
        <source>handyman</source>
        <translation>klusser</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>begeleider</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coördinator</translation>
    </message>
    <message>
        <source>Groups and roles</source>
        <translation>Groepen en rollen</translation>
    </message>
    <message>
        <source>There are no work groups yet.</source>
        <translation>Er zijn nog geen werkgroepen.</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Vrijwilliger</translation>
    </message>
    <message>
        <source>Active (can be scheduled)</source>
        <translation>Actief (kan worden ingeroosterd)</translation>
    </message>
    <message>
        <source>Most shifts per month</source>
        <translation>Maximaal aantal diensten per maand</translation>
    </message>
    <message>
        <source>empty = no maximum</source>
        <translation>leeg = geen maximum</translation>
    </message>
    <message>
        <source>VOG date</source>
        <translation>VOG-datum</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Car (drivers)</source>
        <translation>Auto (chauffeurs)</translation>
    </message>
    <message>
        <source>Seats for passengers</source>
        <translation>Zitplaatsen voor passagiers</translation>
    </message>
    <message>
        <source>A folded wheelchair fits</source>
        <translation>Opgevouwen rolstoel past erin</translation>
    </message>
    <message>
        <source>A rollator fits</source>
        <translation>Rollator past erin</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>e.g. grey Toyota Yaris</source>
        <translation>bijv. grijze Toyota Yaris</translation>
    </message>
    <message>
        <source>Tick the driver role to fill in the car.</source>
        <translation>Vink de rol chauffeur aan om de auto in te vullen.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Zondag</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Ochtend</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Middag</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Avond</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Tick or clear the whole column</source>
        <translation>Hele kolom aan- of uitvinken</translation>
    </message>
    <message>
        <source>Tick or clear the whole day</source>
        <translation>Hele dag aan- of uitvinken</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Vaardigheden</translation>
    </message>
    <message>
        <source>Electrical work</source>
        <translation>Elektra</translation>
    </message>
    <message>
        <source>Garden</source>
        <translation>Tuin</translation>
    </message>
    <message>
        <source>Carpentry</source>
        <translation>Timmerwerk</translation>
    </message>
    <message>
        <source>Computer help</source>
        <translation>Computerhulp</translation>
    </message>
    <message>
        <source>Painting</source>
        <translation>Schilderen</translation>
    </message>
    <message>
        <source>Plumbing</source>
        <translation>Loodgieterswerk</translation>
    </message>
    <message>
        <source>Bicycle repair</source>
        <translation>Fietsreparatie</translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation>Koken</translation>
    </message>
    <message>
        <source>First aid</source>
        <translation>EHBO</translation>
    </message>
    <message>
        <source>Wheelchair transport</source>
        <translation>Rolstoelvervoer</translation>
    </message>
    <message>
        <source>Away (holiday, hospital …)</source>
        <translation>Afwezig (vakantie, ziekenhuis …)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until (incl.)</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Periode toevoegen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Geselecteerde verwijderen</translation>
    </message>
    <message>
        <source>Valid until {date}</source>
        <translation>Geldig tot {date}</translation>
    </message>
    <message>
        <source>Expires soon: {date}</source>
        <translation>Verloopt binnenkort: {date}</translation>
    </message>
    <message>
        <source>Expired on {date}</source>
        <translation>Verlopen op {date}</translation>
    </message>
    <message>
        <source>No VOG registered</source>
        <translation>Geen VOG geregistreerd</translation>
    </message>
    <message>
        <source>You have changed this volunteer. Close without saving?</source>
        <translation>U hebt deze vrijwilliger gewijzigd. Sluiten zonder op te slaan?</translation>
    </message>
</context>
<context>
    <name>VolunteersWidget</name>
    <message>
        <source>Search by name, phone, role or skill</source>
        <translation>Zoek op naam, telefoon, rol of vaardigheid</translation>
    </message>
    <message>
        <source>Show all volunteers</source>
        <translation>Alle vrijwilligers tonen</translation>
    </message>
    <message>
        <source>Also volunteers of other groups and those not active now</source>
        <translation>Ook vrijwilligers van andere groepen en wie nu niet actief is</translation>
    </message>
    <message>
        <source>Add volunteer…</source>
        <translation>Vrijwilliger toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Open person card</source>
        <translation>Persoonskaart openen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Vaardigheden</translation>
    </message>
    <message>
        <source>VOG</source>
        <translation>VOG</translation>
    </message>
    <message>
        <source>Max/month</source>
        <translation>Max./maand</translation>
    </message>
    <message>
        <source>Away now</source>
        <translation>Nu afwezig</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>geldig tot {date}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>verloopt {date}</translation>
    </message>
    <message>
        <source>expired {date}</source>
        <translation>verlopen {date}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>{name} (not active)</source>
        <translation>{name} (niet actief)</translation>
    </message>
    <message>
        <source>away</source>
        <translation>afwezig</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s)</source>
        <translation>
            <numerusform>%n vrijwilliger</numerusform>
            <numerusform>%n vrijwilligers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n away now</source>
        <translation>
            <numerusform>%n nu afwezig</numerusform>
            <numerusform>%n nu afwezig</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Encrypted backup</source>
        <translation>Versleutelde reservekopie</translation>
    </message>
    <message>
        <source>This backup is encrypted. Type the password that was chosen when it was made.</source>
        <translation>Deze reservekopie is versleuteld. Typ het wachtwoord dat bij het maken is gekozen.</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Administrator (beheerder)</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Village supporter (dorpsondersteuner)</source>
        <translation>Dorpsondersteuner</translation>
    </message>
    <message>
        <source>Coordinator (own work groups)</source>
        <translation>Coördinator (eigen werkgroepen)</translation>
    </message>
    <message>
        <source>Board (reports only)</source>
        <translation>Bestuur (alleen rapportages)</translation>
    </message>
</context>
</TS>
