/**
 * A safety plan, built with the client, following the six steps of the Safety Planning
 * Intervention (Stanley and Brown) in Tacit's own words, plus reasons for living. Signed
 * versions never change; a review is a new version. Every field is PHI (encrypted at rest).
 */
export interface Contact {
	name: string;
	/** Phone or other way to reach them, as the client gives it. */
	contact: string;
}

export interface SafetyPlanSteps {
	/** Step 1: thoughts, images, moods, situations or behaviours that a crisis may be coming. */
	warningSigns: string[];
	/** Step 2: things the client can do alone to take their mind off problems. */
	copingStrategies: string[];
	/** Step 3: people and social places that help as a distraction. */
	distractionPeople: Contact[];
	distractionPlaces: string[];
	/** Step 4: people the client can ask for help. */
	helpers: Contact[];
	/** Step 5: professionals and agencies (the clinician, local emergency services); 988 is always added. */
	professionals: Contact[];
	/** Step 6: making the environment safe (lethal means). */
	meansSafety: string[];
	/** The client's reasons for living. */
	reasonsForLiving: string[];
}

export interface SafetyPlan {
	id: string;
	clientId: string;
	/** The session it was built in, when there was one. */
	sessionId: string | null;
	/** The id of version 1; every version shares it. */
	seriesId: string;
	version: number;
	previousVersionId: string | null;
	status: 'draft' | 'signed';
	steps: SafetyPlanSteps;
	/** ISO date of the next review, set by the clinician. */
	reviewDate: string;
	draftedWith: string;
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
}
